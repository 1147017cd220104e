import { PaperIndex } from '../../renderer/search/paper-index';
import type { Paper } from '../../shared/paper';
import type { SearchEngine } from './measure';

/** The fields the app indexes: the PaperIndex contract. */
export type IndexedFields = Pick<Paper, 'id' | 'title' | 'abstract' | 'authors' | 'categories' | 'arxivId' | 'published'>;

/** PaperIndex's persistence, reached structurally: the figures read null until it has it. */
type Persisting = { serialize?: () => string };
type Loading = { load?: (serialized: string) => PaperIndex };

export interface IndexFigures {
  buildSeconds: number;
  /** PaperIndex.load of the serialized index; null without persistence. */
  loadSeconds: number | null;
  serializeSeconds: number | null;
  /** UTF-8 bytes of the serialized index; null without persistence. */
  bytes: number | null;
  /** Node heap the built index holds, after a full GC; null when run without --expose-gc. */
  nodeHeapMB: number | null;
  notes: string[];
}

const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = () => {
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
};

/** Builds the app's search index over the papers in one upsert, then saves and loads it when it can. */
export function buildPaperIndex(papers: readonly Paper[]): { engine: SearchEngine; figures: IndexFigures } {
  const documents: IndexedFields[] = papers.map(({ id, title, abstract, authors, categories, arxivId, published }) => ({ id, title, abstract, authors, categories, arxivId, published }));
  const heapBefore = heapMB();
  let started = performance.now();
  const built = new PaperIndex();
  built.upsert(documents);
  const buildSeconds = (performance.now() - started) / 1000;
  const nodeHeapMB = gc ? heapMB() - heapBefore : null;

  const figures: IndexFigures = { buildSeconds, loadSeconds: null, serializeSeconds: null, bytes: null, nodeHeapMB, notes: [] };
  const { serialize } = built as Persisting;
  const { load } = PaperIndex as unknown as Loading;
  if (typeof serialize !== 'function' || typeof load !== 'function') {
    figures.notes.push('PaperIndex has no serialize()/load() yet: index.loadSeconds and index.bytes are null.');
    return { engine: asEngine(built), figures };
  }
  started = performance.now();
  const serialized = serialize.call(built);
  figures.serializeSeconds = (performance.now() - started) / 1000;
  figures.bytes = Buffer.byteLength(serialized, 'utf8');
  started = performance.now();
  const loaded = load.call(PaperIndex, serialized);
  figures.loadSeconds = (performance.now() - started) / 1000;
  // Queries run on the loaded index: the one the app searches after a restart.
  return { engine: asEngine(loaded), figures };
}

/** PaperIndex decides prefix matching itself, so a typed query is just a query. */
function asEngine(index: PaperIndex): SearchEngine {
  return { search: (query) => index.search(query), searchTyped: (query) => index.search(query) };
}
