import { describe, expect, it } from 'vitest';
import { ANY_TABLE, importGraph, readSchema, readSources, writesIn, type Source, type Write } from './source-scan';

/*
 * The single writer (docs/storage-model.md): each table is written by the modules named here and by
 * no other. The upgrades run inside Dexie's upgrade transactions and may write any table.
 */
const LIBRARY_WRITER = 'renderer/db/library-writer.ts';
const MARK_WRITER = 'renderer/db/mark-writer.ts';
const UPGRADES = 'renderer/db/upgrades.ts';
const SEARCH_INDEX_STORE = 'renderer/search/index-store.ts';

const WRITERS: Record<string, readonly string[]> = {
  pages: [LIBRARY_WRITER, UPGRADES],
  // Dropped by version 10: only the upgrades before it write it.
  papers: [UPGRADES],
  lists: [LIBRARY_WRITER, UPGRADES],
  keyDigests: [LIBRARY_WRITER, UPGRADES],
  orderLog: [LIBRARY_WRITER, UPGRADES],
  meta: [LIBRARY_WRITER, UPGRADES],
  sources: [LIBRARY_WRITER, UPGRADES],
  states: [MARK_WRITER, UPGRADES],
  pendingMarks: [MARK_WRITER, UPGRADES],
  // Dropped by version 12, when the saved search index moved to a database of its own: no module writes it.
  searchIndex: [UPGRADES],
};

const SCANNED = ['renderer', 'electron', 'shared'] as const;
const sources = readSources(...SCANNED);
const schema = readSchema(sources.find((source) => source.file === 'renderer/db/database.ts')!);

const mayWrite = ({ file, table }: Write) => (table === ANY_TABLE ? Object.values(WRITERS).every((writers) => writers.includes(file)) : (WRITERS[table] ?? []).includes(file));
const describeWrite = ({ file, line, table, method }: Write) => `${file}:${line} writes ${table === ANY_TABLE ? 'a table it does not name' : table} (${method})`;

/** Every write in the modules that the module making it may not make. */
const violations = (modules: readonly Source[]) => modules.flatMap((source) => writesIn(source, schema)).filter((write) => !mayWrite(write)).map(describeWrite);
const tablesWrittenBy = (file: string) => new Set(writesIn(sources.find((source) => source.file === file)!, schema).map((write) => write.table));

describe('the single writer', () => {
  it('names the writers of every table the schema declares', () => {
    expect(schema.tables).toEqual(Object.keys(WRITERS).sort());
    expect(schema.dropped).toEqual(['papers', 'searchIndex']);
    expect([...schema.fields.keys()].sort()).toEqual(schema.tables.filter((table) => !schema.dropped.includes(table)));
  });

  it(`finds no write to a table outside the modules allowed it, in ${SCANNED.join('/, ')}/`, () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(violations(sources)).toEqual([]);
  });

  it('sees the writes each writer makes: the scan is not blind', () => {
    expect([...tablesWrittenBy(LIBRARY_WRITER)].sort()).toEqual(['keyDigests', 'lists', 'meta', 'orderLog', 'pages', 'sources']);
    expect([...tablesWrittenBy(MARK_WRITER)].sort()).toEqual(['pendingMarks', 'states']);
    expect([...tablesWrittenBy(SEARCH_INDEX_STORE)]).toEqual([]);
    expect([...tablesWrittenBy(UPGRADES)].sort()).toEqual(['keyDigests', 'lists', 'orderLog', 'pages', 'papers', 'pendingMarks', 'states']);
  });

  it('runs the upgrades only in upgrade transactions: database.ts alone imports upgrades.ts', () => {
    const importers = [...importGraph(sources)].filter(([, imports]) => imports.includes(UPGRADES)).map(([file]) => file);
    expect(importers).toEqual(['renderer/db/database.ts']);
  });
});

describe('the single writer of the saved search index', () => {
  const savedIndexSchema = readSchema(sources.find((source) => source.file === 'renderer/search/search-index-database.ts')!, 'SearchIndexDatabase');
  // Writes by name to the library's tables (transaction.table('pages')) are the other test's concern.
  const writes = sources.flatMap((source) => writesIn(source, savedIndexSchema)).filter((write) => write.table === 'savedIndex' || write.table === ANY_TABLE);

  it('is index-store.ts: no other module writes the saved index', () => {
    expect(savedIndexSchema.tables).toEqual(['savedIndex']);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((write) => write.file !== SEARCH_INDEX_STORE).map(describeWrite)).toEqual([]);
  });
});

describe('the scan for writes', () => {
  const SNEAKY = 'renderer/ui/sneaky.ts';
  const tablesIn = (text: string) => [...new Set(writesIn({ file: SNEAKY, text }, schema).map((write) => write.table))].sort();

  it.each([
    ['await db.pages.put(page);', ['pages']],
    ["await db.lists.where('[list+generation]').between(low, high).modify((record) => { record.ids = []; });", ['lists']],
    ['const sources = db.sources;\nawait sources.update(hash, { errors: [] });', ['sources']],
    ["await transaction.table<ListRecord, [string, number]>('lists').bulkPut(records);", ['lists']],
    ["const log = transaction.table('orderLog');\nawait log.clear();", ['orderLog']],
    ["function drop(table: PaperdropDatabase['states'], ids: string[]) { return table.bulkDelete(ids); }", ['states']],
    ['function put(table: Table<PaperState, string>, row: PaperState) { return table.put(row); }', ['pendingMarks', 'states']],
    ["const { meta } = db;\nawait meta.put({ key: 'generation', value: 0 });", ['meta']],
    ['await this.db.keyDigests.add(record);', ['keyDigests']],
    ["await recordsOf(db.lists, 'file:a.xml').delete();", ['lists']],
    ["await db['searchIndex'].clear();", ['searchIndex']],
    ['await db.pages.toCollection().filter((page) => page.ids.length === 0).delete();', ['pages']],
    ['const putAll = db.pages.bulkPut.bind(db.pages);', ['pages']],
    ["await db.states?.bulkAdd(rows as PaperState[]);", ['states']],
    ['await db.table(name).clear();', [ANY_TABLE]],
    ['for (const table of db.tables) await table.clear();', [ANY_TABLE]],
    ['const db = new PaperdropDatabase();\nawait db.delete();', [ANY_TABLE]],
  ])('finds the write in %j', (text, tables) => {
    expect(tablesIn(text)).toEqual(tables);
  });

  it('finds no write in reads, nor in the same method names on other things', () => {
    const text = `
      const seen = new Set<string>(); seen.add(id); seen.delete(id); seen.clear();
      const byId = new Map<string, number>(); byId.delete(id);
      status.update({ notice: null });
      const page = await db.pages.get(key);
      const states = await db.states.bulkGet(ids);
      const rows = await db.lists.where('[list+generation]').between(low, high).toArray();
      function forget(cache: PaperCache) { cache.papers.clear(); }
      await db.transaction('rw', db.pages, db.states, async () => undefined);
    `;
    expect(writesIn({ file: SNEAKY, text }, schema)).toEqual([]);
  });

  it('fails the check on a module that writes a table it may not, and names it', () => {
    const sneaky = { file: SNEAKY, text: "export const rename = (db: PaperdropDatabase, hash: string) => db.sources.update(hash, { file: 'x' });" };
    expect(violations([...sources, sneaky])).toEqual([`${SNEAKY}:1 writes sources (update)`]);
    // A writer of one table is not a writer of another: the mark writer may not write papers.
    const marksWritingPapers = { file: MARK_WRITER, text: 'await db.pages.bulkDelete(keys);' };
    expect(violations([marksWritingPapers])).toEqual([`${MARK_WRITER}:1 writes pages (bulkDelete)`]);
    // A table the scan cannot name may be any of them: only the upgrades may write it.
    expect(violations([{ file: LIBRARY_WRITER, text: 'await db.table(name).clear();' }])).toEqual([`${LIBRARY_WRITER}:1 writes a table it does not name (clear)`]);
  });
});
