import Dexie, { type EntityTable, type Table } from 'dexie';
import type { KeyDigestRecord, ListRecord, MetaRecord, OrderRecord, PageKey, PaperPage, PaperState, SourceRecord } from './records';
import {
  classifyStoredPapers,
  dateUndatedPapers,
  deriveStoredTables,
  pageStoredPapers,
  packOrderLog,
  placeStoredKeys,
  recordStoredPapers,
  stampMarks,
  upgradeToFullPapers,
} from './upgrades';

export const DATABASE_NAME = 'paperdrop';

/**
 * The library's IndexedDB database: its tables and schema versions. Who may write which table is
 * in docs/storage-model.md, and test/library-writers.test.ts holds every module to it.
 */
export class PaperdropDatabase extends Dexie {
  pages!: Table<PaperPage, PageKey>;
  states!: EntityTable<PaperState, 'paperId'>;
  pendingMarks!: EntityTable<PaperState, 'paperId'>;
  sources!: EntityTable<SourceRecord, 'hash'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  keyDigests!: EntityTable<KeyDigestRecord, 'generation'>;
  lists!: Table<ListRecord, [string, number]>;
  orderLog!: EntityTable<OrderRecord, 'generation'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      papers: 'id, sortKey',
      states: 'paperId, read, starred',
      sources: 'hash, file, seenAt',
    });
    this.version(2)
      .stores({ papers: 'id, sortKey, *keys' })
      .upgrade((transaction) => upgradeToFullPapers(transaction));
    this.version(3)
      .stores({ papers: 'id, sortKey, *keys, *categories, *files, generation', meta: 'key', searchIndex: 'key' })
      .upgrade((transaction) => recordStoredPapers(transaction));
    this.version(4)
      .stores({ keyDigests: 'generation', lists: '[list+generation]', orderLog: 'generation' })
      .upgrade((transaction) => deriveStoredTables(transaction));
    this.version(5).stores({ papers: 'id, sortKey, *keys, generation' });
    this.version(6)
      .stores({ pendingMarks: 'paperId' })
      .upgrade((transaction) => stampMarks(transaction));
    this.version(7).upgrade((transaction) => dateUndatedPapers(transaction));
    this.version(8).upgrade((transaction) => classifyStoredPapers(transaction));
    this.version(9)
      .stores({ pages: '[generation+part], *ids, *keys' })
      .upgrade((transaction) => pageStoredPapers(transaction));
    // Dexie lets an upgrade read a table only if a later version drops it.
    this.version(10).stores({ papers: null });
    this.version(11)
      .stores({ pages: '[generation+part], *ids' })
      .upgrade((transaction) => placeStoredKeys(transaction));
    // The saved search index moves to a database of its own (renderer/search/search-index-database.ts).
    this.version(12).stores({ searchIndex: null });
    this.version(13).upgrade((transaction) => packOrderLog(transaction));
  }
}
