import { PaperIndex } from '../../renderer/search/paper-index';
import type { SnapshotHead, SnapshotPart, SnapshotRecord } from '../../renderer/search/index-snapshot';
import type { Paper } from '../../shared/paper';
import type { SearchEngine } from './measure';

/** The fields the app indexes: the PaperIndex contract. */
export type IndexedFields = Pick<Paper, 'id' | 'title' | 'abstract' | 'authors' | 'categories' | 'arxivId' | 'published'>;

export interface IndexFigures {
  buildSeconds: number;
  /** Restoring every saved part into a new index. */
  loadSeconds: number;
  /** Restoring the first saved part, which holds the newest papers: the app answers from then on. */
  firstPartLoadSeconds: number;
  serializeSeconds: number;
  /** Bytes of the saved parts: their typed arrays, and their strings as UTF-8. */
  bytes: number;
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

/** Builds the app's search index over the papers in one upsert, then saves it and restores it as the worker does. */
export function buildPaperIndex(papers: readonly Paper[]): { engine: SearchEngine; figures: IndexFigures } {
  const documents: IndexedFields[] = papers.map(({ id, title, abstract, authors, categories, arxivId, published }) => ({ id, title, abstract, authors, categories, arxivId, published }));
  const heapBefore = heapMB();
  let started = performance.now();
  const built = new PaperIndex();
  built.upsert(documents);
  const buildSeconds = seconds(started);
  const nodeHeapMB = gc ? heapMB() - heapBefore : null;

  started = performance.now();
  const writer = built.snapshotWriter(1);
  while (!writer.step(Infinity));
  const records = writer.records();
  const serializeSeconds = seconds(started);

  const [head, ...parts] = records as [SnapshotHead, ...SnapshotPart[]];
  started = performance.now();
  const loaded = new PaperIndex();
  loaded.beginRestore(head);
  let firstPartLoadSeconds = 0;
  for (const part of parts) {
    const restorer = loaded.partRestorer(part);
    while (!restorer.step(Infinity));
    firstPartLoadSeconds ||= seconds(started);
  }
  const loadSeconds = seconds(started);
  const figures: IndexFigures = { buildSeconds, loadSeconds, firstPartLoadSeconds, serializeSeconds, bytes: savedBytes(records), parts: parts.length, nodeHeapMB, notes: [] };
  // Queries run on the restored index: the one the app searches after a restart.
  return { engine: asEngine(loaded), figures };
}

function savedBytes(records: readonly SnapshotRecord[]): number {
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
