import { afterAll } from 'vitest';
import { PaperdropDatabase } from '../renderer/db/database';
import { SearchIndexDatabase } from '../renderer/search/search-index-database';
import type { IngestBatch } from '../shared/paper';
import { parseFile, parseText } from './parse-file';
import { SAMPLES_DIR } from './shared-paths';

/** One of the sample feeds (test/fixtures/feeds/samples), parsed as the app parses it. */
export const sample = (name: string): IngestBatch => parseFile(`${SAMPLES_DIR}${name}`);

/** Real files listing some of the same papers; the page dump's title-only paper merges into a stored arXiv paper, or takes it in. */
export const OVERLAPPING_BATCHES: IngestBatch[] = [
  sample('arxiv-rss2-2024.xml'),
  sample('arxiv-api-atom.xml'),
  sample('hf-daily-papers.json'),
  sample('hf-papers-page-plaintext.txt'),
  parseText('new\n\nMar 11\n\nLarge  multimodal models as General In-Context classifiers!\n\nA shorter abstract.', 'dump.txt'),
];

/** Opens a new database on each call, named from the prefix; all are deleted after the test file. */
function openerOf<T extends { delete(): Promise<void> }>(prefix: string, open: (name: string) => T): () => T {
  const databases: T[] = [];
  afterAll(async () => {
    for (const db of databases) await db.delete();
  });
  return () => {
    const db = open(`${prefix}-${databases.length + 1}`);
    databases.push(db);
    return db;
  };
}

/** A new library on each call. */
export const databaseOpener = (prefix: string): (() => PaperdropDatabase) => openerOf(prefix, (name) => new PaperdropDatabase(name));

/** A new saved-index database on each call. */
export const searchIndexOpener = (prefix: string): (() => SearchIndexDatabase) => openerOf(prefix, (name) => new SearchIndexDatabase(name));
