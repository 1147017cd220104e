import { segmentsToMerge } from '../../renderer/search/merge-policy';
import { PaperIndex, UPSERT_BATCH } from '../../renderer/search/paper-index';
import { PostingStore } from '../../renderer/search/posting-store';
import { savedSegment, segmentFromSaved, type SavedSegment } from '../../renderer/search/saved-index';
import type { Paper } from '../../shared/paper';
import type { SearchEngine } from './measure';

/** The fields the app indexes: the PaperIndex contract. */
export type IndexedFields = Pick<Paper, 'id' | 'title' | 'abstract' | 'authors' | 'categories' | 'arxivId' | 'published'>;

export interface IndexFigures {
  /** Indexing every paper in batches of UPSERT_BATCH, merging segments as the worker does. */
  buildSeconds: number;
  /** Restoring the dictionary and every saved segment into a new index, from a structured clone of the records, as IndexedDB hands them back. */
  loadSeconds: number;
  /** Restoring the dictionary and the newest segment: the app answers from then on. */
  firstPartLoadSeconds: number;
  /** Turning the index into records: what a save hands IndexedDB. */
  serializeSeconds: number;
  /** Bytes of the saved records: their typed arrays, and their strings as UTF-8. */
  bytes: number;
  /** Segments saved. */
  parts: number;
  /** Node heap the built index holds, after a full GC; null when run without --expose-gc. */
  nodeHeapMB: number | null;
  notes: string[];
}

const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};
const seconds = (since: number) => (performance.now() - since) / 1000;

/** Builds the app's search index over the papers as the worker does, then saves it and restores it. */
export function buildPaperIndex(papers: readonly Paper[]): { engine: SearchEngine; figures: IndexFigures } {
  const documents: IndexedFields[] = papers.map(({ id, title, abstract, authors, categories, arxivId, published }) => ({ id, title, abstract, authors, categories, arxivId, published }));
  const heapBefore = heapMB();
  let started = performance.now();
  const built = new PaperIndex();
  for (let start = 0; start < documents.length; start += UPSERT_BATCH) {
    runToEnd(built.upsertJob(documents.slice(start, start + UPSERT_BATCH)));
    for (let merging = segmentsToMerge(built.store.segments); merging; merging = segmentsToMerge(built.store.segments)) runToEnd(built.store.mergeJob(merging));
  }
  const buildSeconds = seconds(started);
  const nodeHeapMB = gc ? heapMB() - heapBefore : null;

  started = performance.now();
  const saved = { terms: built.store.dictionary.allTerms(), segments: built.store.segments.map(savedSegment) };
  const serializeSeconds = seconds(started);
  const bytes = savedBytes(saved.segments) + saved.terms.terms.reduce((sum, term) => sum + Buffer.byteLength(term) + 5, 0);

  started = performance.now();
  const { terms, segments } = structuredClone(saved);
  const loaded = new PostingStore();
  loaded.dictionary.restore([terms]);
  loaded.dictionary.buildTree(Infinity);
  let firstPartLoadSeconds = 0;
  for (const record of segments.reverse()) {
    loaded.restore(segmentFromSaved(record, []), built.store.serialLimit);
    firstPartLoadSeconds ||= seconds(started);
  }
  const loadSeconds = seconds(started);
  const figures: IndexFigures = { buildSeconds, loadSeconds, firstPartLoadSeconds, serializeSeconds, bytes, parts: segments.length, nodeHeapMB, notes: [] };
  // Queries run on the restored index: the one the app searches after a restart.
  return { engine: asEngine(new PaperIndex(loaded)), figures };
}

function runToEnd(job: { step(deadline: number): boolean; finish(): void }): void {
  while (!job.step(Infinity));
  job.finish();
}

function savedBytes(records: readonly SavedSegment[]): number {
  let bytes = 0;
  for (const record of records) {
    for (const value of Object.values(record)) {
      if (ArrayBuffer.isView(value)) bytes += value.byteLength;
      else if (Array.isArray(value)) for (const item of value) bytes += typeof item === 'string' ? Buffer.byteLength(item) : 8;
    }
  }
  return bytes;
}

/** PaperIndex decides prefix matching itself, so a typed query is just a query. */
function asEngine(index: PaperIndex): SearchEngine {
  return { search: (query) => index.search(query), searchTyped: (query) => index.search(query) };
}
