import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { matchKeys } from '../shared/merge';
import { backupDocument } from '../renderer/backup/backup-document';
import type { BackupDocument, BackupMark } from '../renderer/backup/backup-format';
import { BackupError } from '../renderer/backup/parse-backup';
import { restoreBackup } from '../renderer/backup/restore-backup';
import { PaperdropDatabase } from '../renderer/db/database';
import type { PaperState } from '../renderer/db/records';
import { setMarks } from '../renderer/db/mark-writer';
import { storeBatch } from '../renderer/db/library-writer';
import { parseFile } from './parse-file';
import { SAMPLES_DIR, SEED_FILES, SEEDS_DIR } from './shared-paths';

const opened: PaperdropDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0).reverse()) await db.delete();
});

let databaseCount = 0;
function openDatabase(): PaperdropDatabase {
  const db = new PaperdropDatabase(`backup-${++databaseCount}`);
  opened.push(db);
  return db;
}

const SEEDS = [parseFile(SEEDS_DIR + SEED_FILES[0]), parseFile(SEEDS_DIR + SEED_FILES[1])];
const ARXIV = parseFile(`${SAMPLES_DIR}arxiv-rss2-2024.xml`);
const TOME = 'title:token merging for training free semantic binding in text to image synthesis';
const NEXT_X = 'title:beyond next token next x prediction for autoregressive visual generation';
const NEVER = 'arxiv:1999.00001';

async function seededLibrary(): Promise<PaperdropDatabase> {
  const db = openDatabase();
  for (const batch of SEEDS) await storeBatch(db, batch);
  return db;
}

function backupOf(marks: BackupMark[], settings = {}): string {
  const document: BackupDocument = { format: 'paperdrop-backup', version: 1, exportedAt: '2026-06-01T00:00:00.000Z', settings, marks };
  return JSON.stringify(document);
}

/** Every mark the library holds: those of its papers, and those waiting for theirs. */
async function marksIn(db: PaperdropDatabase): Promise<{ states: PaperState[]; pending: PaperState[] }> {
  return { states: await db.states.toArray(), pending: await db.pendingMarks.toArray() };
}

const at = (day: number) => `2026-05-${String(day).padStart(2, '0')}T00:00:00.000Z`;

describe('backing up and restoring marks', () => {
  it('backs up every mark with its times and the settings, and a fresh library restored from it holds the same marks', async () => {
    const db = await seededLibrary();
    await setMarks(db, [TOME], 'read', true);
    await setMarks(db, [TOME], 'starred', true);
    await setMarks(db, [NEXT_X], 'starred', true);
    await setMarks(db, [NEXT_X], 'starred', false);
    await restoreBackup(db, backupOf([{ paperId: NEVER, read: true, readAt: at(1), starred: false, starredAt: null }]));
    const settings = { folder: '/home/me/papers', view: { filter: 'unread', sort: ['date'] } };

    const document = await backupDocument(db, settings);
    expect(document).toMatchObject({ format: 'paperdrop-backup', version: 1, settings });
    expect(Date.parse(document.exportedAt)).not.toBeNaN();
    expect(document.marks).toHaveLength(3);
    expect(document.marks).toContainEqual({ paperId: NEVER, read: true, readAt: at(1), starred: false, starredAt: null });
    const expected = await marksIn(db);

    const restored = await seededLibrary();
    expect(await restoreBackup(restored, JSON.stringify(document))).toEqual({ applied: 2, keptLocal: 0, pending: 1, settings });
    expect(await marksIn(restored)).toEqual(expected);

    // Restored before any paper arrived: every mark waits, and applies as the papers come.
    const empty = openDatabase();
    expect(await restoreBackup(empty, JSON.stringify(document))).toMatchObject({ applied: 0, keptLocal: 0, pending: 3 });
    expect(await empty.states.count()).toBe(0);
    for (const batch of SEEDS) await storeBatch(empty, batch);
    expect(await marksIn(empty)).toEqual(expected);
  });

  it('never overwrites a newer local mark, and takes a newer one from the backup', async () => {
    const db = await seededLibrary();
    await db.states.bulkPut([
      { paperId: TOME, read: 1, readAt: at(2), starred: 0, starredAt: at(1) },
      { paperId: NEXT_X, read: 1, readAt: at(2), starred: 0, starredAt: null },
    ]);
    const backup = backupOf([
      { paperId: TOME, read: false, readAt: at(1), starred: true, starredAt: at(3) },
      { paperId: NEXT_X, read: false, readAt: at(1), starred: false, starredAt: null },
    ]);
    expect(await restoreBackup(db, backup)).toMatchObject({ applied: 1, keptLocal: 1, pending: 0 });
    expect(await db.states.toArray()).toEqual([
      { paperId: NEXT_X, read: 1, readAt: at(2), starred: 0, starredAt: null },
      { paperId: TOME, read: 1, readAt: at(2), starred: 1, starredAt: at(3) },
    ]);

    // Unstarred here after the backup was made: restoring it again leaves that be.
    await setMarks(db, [TOME], 'starred', false);
    const local = await marksIn(db);
    expect(await restoreBackup(db, backup)).toMatchObject({ applied: 0, keptLocal: 2 });
    expect(await marksIn(db)).toEqual(local);
  });

  it('keeps marks of papers not in the library, and applies them when a paper with that id or merge key is stored', async () => {
    const paper = ARXIV.papers[0]!;
    const titleKey = matchKeys(paper).find((key) => key.startsWith('title:'))!;
    expect(paper.id).not.toBe(titleKey);
    const backup = backupOf([
      { paperId: TOME, read: true, readAt: at(1), starred: false, starredAt: null },
      // This paper's id in a library that had it from a title-only listing.
      { paperId: titleKey, read: false, readAt: null, starred: true, starredAt: at(2) },
      { paperId: NEVER, read: true, readAt: at(3), starred: true, starredAt: at(3) },
    ]);

    const db = openDatabase();
    expect(await restoreBackup(db, backup)).toMatchObject({ applied: 0, keptLocal: 0, pending: 3 });
    expect(await db.states.count()).toBe(0);
    await storeBatch(db, SEEDS[0]!);
    await storeBatch(db, ARXIV);
    expect(await db.states.toArray()).toEqual(
      [
        { paperId: TOME, read: 1, readAt: at(1), starred: 0, starredAt: null },
        { paperId: paper.id, read: 0, readAt: null, starred: 1, starredAt: at(2) },
      ].sort((a, b) => (a.paperId < b.paperId ? -1 : 1)),
    );
    expect((await db.pendingMarks.toArray()).map((mark) => mark.paperId)).toEqual([NEVER]);

    // The papers there first: the marks find them at once, the same way.
    const stocked = openDatabase();
    await storeBatch(stocked, SEEDS[0]!);
    await storeBatch(stocked, ARXIV);
    expect(await restoreBackup(stocked, backup)).toMatchObject({ applied: 2, keptLocal: 0, pending: 1 });
    expect(await marksIn(stocked)).toEqual(await marksIn(db));
  });

  it('refuses a file that is not a valid backup with a clear error, and changes nothing', async () => {
    const db = await seededLibrary();
    await setMarks(db, [TOME], 'read', true);
    const before = await marksIn(db);
    const good = JSON.parse(backupOf([{ paperId: NEXT_X, read: true, readAt: at(1), starred: false, starredAt: null }])) as Record<string, unknown>;
    const mark = (good.marks as object[])[0];
    const wrong: [string, RegExp][] = [
      ['<?xml version="1.0"?><rss/>', /not a Paperdrop backup: it is not JSON/],
      ['', /not JSON/],
      ['[]', /not a Paperdrop backup: it has no "format"/],
      [JSON.stringify({ ...good, format: 'zotero' }), /not a Paperdrop backup/],
      [JSON.stringify({ ...good, version: 2 }), /format version 2; this Paperdrop reads version 1/],
      [JSON.stringify({ ...good, version: '1' }), /format version "1"/],
      [JSON.stringify({ ...good, exportedAt: 'yesterday' }), /damaged: exportedAt is not a time/],
      [JSON.stringify({ ...good, settings: null }), /damaged: settings is not an object/],
      [JSON.stringify({ ...good, marks: {} }), /damaged: marks is not a list/],
      [JSON.stringify({ ...good, marks: [mark, 'x'] }), /damaged: marks\[1\] is not an object/],
      [JSON.stringify({ ...good, marks: [mark, { ...mark, paperId: 7 }] }), /damaged: marks\[1\]\.paperId is not an id/],
      [JSON.stringify({ ...good, marks: [{ ...mark, read: 1 }] }), /damaged: marks\[0\]\.read is not true or false/],
      [JSON.stringify({ ...good, marks: [{ ...mark, starredAt: '2026-05-01' }] }), /damaged: marks\[0\]\.starredAt is not a time or null/],
      [JSON.stringify({ ...good, marks: [{ ...mark, readAt: undefined }] }), /damaged: marks\[0\]\.readAt is not a time or null/],
    ];
    for (const [text, message] of wrong) {
      const refused = restoreBackup(db, text);
      await expect(refused, text).rejects.toThrow(BackupError);
      await expect(refused, text).rejects.toThrow(message);
    }
    expect(await marksIn(db)).toEqual(before);
  });
});

describe('restoring (property)', () => {
  const PRESENT = [TOME, NEXT_X];
  const markArbitrary = fc.record({
    paperId: fc.constantFrom(...PRESENT, NEVER),
    read: fc.boolean(),
    // Few distinct times, so that ties are common.
    readAt: fc.option(fc.integer({ min: 1, max: 3 }).map(at), { nil: null }),
    starred: fc.boolean(),
    starredAt: fc.option(fc.integer({ min: 1, max: 3 }).map(at), { nil: null }),
  });

  /** For each paper and field, the latest change over all the marks, a set mark winning a tie; absent when nothing was ever set. */
  function newestOfAll(marks: BackupMark[]): Map<string, PaperState> {
    const newest = new Map<string, PaperState>();
    for (const mark of marks) {
      const state = newest.get(mark.paperId) ?? { paperId: mark.paperId, read: 0, readAt: null, starred: 0, starredAt: null };
      for (const [field, stamp] of [['read', 'readAt'], ['starred', 'starredAt']] as const) {
        const [value, time] = [mark[field] ? 1 : 0, mark[stamp]] as const;
        if ((time ?? '') > (state[stamp] ?? '') || ((time ?? '') === (state[stamp] ?? '') && value > state[field])) Object.assign(state, { [field]: value, [stamp]: time });
      }
      if (state.read || state.starred || state.readAt || state.starredAt) newest.set(mark.paperId, state);
    }
    return newest;
  }

  it('is idempotent, and whichever of local and backup comes first, each field takes the newest change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(markArbitrary, { maxLength: 5 }), fc.array(markArbitrary, { maxLength: 5 }), async (local, backup) => {
        const [one, other] = [openDatabase(), openDatabase()];
        for (const db of [one, other]) await storeBatch(db, SEEDS[0]!);
        await restoreBackup(one, backupOf(local));
        const summary = await restoreBackup(one, backupOf(backup));
        expect(summary.applied + summary.keptLocal + summary.pending).toBe(backup.length);
        await restoreBackup(other, backupOf(backup));
        await restoreBackup(other, backupOf(local));

        const result = await marksIn(one);
        expect(await marksIn(other)).toEqual(result);
        const newest = newestOfAll([...local, ...backup]);
        expect(result.states).toEqual([...newest.values()].filter((state) => PRESENT.includes(state.paperId)).sort((a, b) => (a.paperId < b.paperId ? -1 : 1)));
        expect(result.pending).toEqual(newest.has(NEVER) ? [newest.get(NEVER)] : []);

        expect(await restoreBackup(one, backupOf(backup))).toMatchObject({ applied: 0 });
        expect(await marksIn(one)).toEqual(result);
        for (const db of opened.splice(0)) await db.delete();
      }),
      { numRuns: 40 },
    );
  });
});
