import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IngestBatch, Paper } from '../shared/paper';
import { PaperdropDatabase } from '../renderer/db/database';
import { emptyPaperFields } from '../renderer/db/paper-record';
import { readListMembers } from '../renderer/db/list-members';
import { countLists, listMembershipsWith, readListMemberships, type ListMemberships } from '../renderer/db/list-memberships';
import { categoryList, fileList, listsOf, seenList } from '../renderer/db/paper-lists';
import { localDay } from '../shared/listing-date';
import { storeBatch } from '../renderer/db/library-writer';
import { followLists } from './followed-lists';
import { databaseOpener, OVERLAPPING_BATCHES as BATCHES } from './sample-library';
import { allPapers } from './stored-papers';

const openDatabase = databaseOpener('paper-lists');

/** Every file and category list as the stored papers themselves say, beside the same lists as read. */
async function listsAsStoredAndRead(db: PaperdropDatabase) {
  const papers = await allPapers(db);
  const truth = new Map<string, string[]>();
  for (const paper of papers) {
    for (const list of listsOf(paper)) truth.set(list, [...(truth.get(list) ?? []), paper.id]);
  }
  const read = new Map<string, string[]>();
  for (const list of new Set((await db.lists.toArray()).map((record) => record.list))) {
    const ids = [...(await readListMembers(db, list))].sort();
    if (ids.length > 0) read.set(list, ids);
  }
  return { stored: new Map([...truth].map(([list, ids]) => [list, ids.sort()])), read };
}

function paper(id: string, fields: Partial<Paper>, file: string): Paper {
  return {
    ...emptyPaperFields(),
    id,
    version: 1,
    title: id,
    abstract: `About ${id}.`,
    authors: [],
    published: '2024-01-02',
    listings: [{ file, hash: file, format: 'arxiv-api', seenAt: '2024-01-03T00:00:00.000Z', announceType: null, version: 1 }],
    ...fields,
  };
}

/** Each paper's source and category lists, sorted, as the stored papers say and as memberships hold them. */
async function membershipsAsStored(db: PaperdropDatabase) {
  const papers = await allPapers(db);
  return new Map(papers.map((paper) => [paper.id, listsOf(paper).filter((list) => !list.startsWith(seenList(''))).sort()]));
}
const sortedMemberships = ({ byPaper }: ListMemberships) => new Map([...byPaper].map(([id, lists]) => [id, [...lists].sort()]));

const batchOf = (file: string, papers: Paper[]): IngestBatch => ({ file, hash: file, format: 'arxiv-api', seenAt: '2024-01-03T00:00:00.000Z', papers, errors: [] });

describe('the source and category lists', () => {
  it('name exactly the papers whose files and categories say so, after every batch, in any order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(BATCHES, { minLength: BATCHES.length }), async (shuffled) => {
        const db = openDatabase();
        let followed = await readListMemberships(db);
        for (const batch of shuffled) {
          followed = listMembershipsWith(followed, await storeBatch(db, batch));
          const { stored, read } = await listsAsStoredAndRead(db);
          expect(read).toEqual(stored);
          const memberships = await membershipsAsStored(db);
          expect(sortedMemberships(await readListMemberships(db))).toEqual(memberships);
          expect(sortedMemberships(followed)).toEqual(memberships);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('drop a paper merged away, so that its id used again later is listed only where it is now, read or followed', async () => {
    const db = openDatabase();
    const lists = ['first.xml', 'second.xml', 'third.xml'].map(fileList).concat(['cs.AI', 'cs.CL'].map(categoryList));
    const followed = await followLists(db, lists);
    const store = async (batch: IngestBatch) => {
      const change = await storeBatch(db, batch);
      await followed.apply(change);
      return change;
    };
    await store(batchOf('first.xml', [paper('arxiv:2401.00002', { arxivId: '2401.00002', doi: '10.1000/shared', categories: ['cs.AI'] }, 'first.xml')]));
    // The same DOI from a smaller arXiv id: one paper, under the smaller id; the first one is folded in.
    const second = await store(batchOf('second.xml', [paper('arxiv:2401.00001', { arxivId: '2401.00001', doi: '10.1000/shared', title: 'Another title' }, 'second.xml')]));
    expect(second.removed).toEqual(['arxiv:2401.00002']);
    // The merged paper keeps one arXiv id, so a later listing of the other stands alone again.
    await store(batchOf('third.xml', [paper('arxiv:2401.00002', { arxivId: '2401.00002', title: 'A third title', categories: ['cs.CL'] }, 'third.xml')]));
    expect(await readListMembers(db, fileList('first.xml'))).toEqual(new Set(['arxiv:2401.00001']));
    expect(await readListMembers(db, categoryList('cs.AI'))).toEqual(new Set(['arxiv:2401.00001']));
    expect(await readListMembers(db, fileList('third.xml'))).toEqual(new Set(['arxiv:2401.00002']));
    const { stored, read } = await listsAsStoredAndRead(db);
    expect(read).toEqual(stored);
  });
});

describe('the sidebar counts', () => {
  it("count each list's papers and those not read", async () => {
    const db = openDatabase();
    for (const batch of BATCHES) await storeBatch(db, batch);
    const papers = await allPapers(db);
    const read = new Set(papers.filter((_, index) => index % 3 === 0).map((each) => each.id));
    const counts = countLists(await readListMemberships(db), read);
    const lists = new Set(papers.flatMap((each) => listsOf(each)).filter((list) => !list.startsWith(seenList(''))));
    expect(new Set(counts.keys())).toEqual(lists);
    for (const list of lists) {
      const members = papers.filter((each) => listsOf(each).includes(list));
      expect(counts.get(list), list).toEqual({ papers: members.length, unread: members.filter((each) => !read.has(each.id)).length });
    }
    expect([...counts.values()].some((count) => count.unread < count.papers)).toBe(true);
  });
});

describe('the Today list', () => {
  it('holds the papers first seen on a day, and a paper seen again later stays on its first day', async () => {
    const db = openDatabase();
    const today = new Date();
    const yesterday = new Date(today.getTime() - 24 * 3600 * 1000);
    const seenOn = (file: string, moment: Date, papers: Paper[]): IngestBatch => ({
      ...batchOf(file, papers.map((each) => ({ ...each, listings: each.listings.map((listing) => ({ ...listing, seenAt: moment.toISOString() })) }))),
      seenAt: moment.toISOString(),
    });
    await storeBatch(db, seenOn('old.xml', yesterday, [paper('arxiv:2401.00001', { arxivId: '2401.00001' }, 'old.xml')]));
    await storeBatch(db, seenOn('new.xml', today, [paper('arxiv:2401.00001', { arxivId: '2401.00001' }, 'new.xml'), paper('arxiv:2401.00009', { arxivId: '2401.00009' }, 'new.xml')]));
    expect([...(await readListMembers(db, seenList(localDay(today))))]).toEqual(['arxiv:2401.00009']);
    expect([...(await readListMembers(db, seenList(localDay(yesterday))))]).toEqual(['arxiv:2401.00001']);
  });
});
