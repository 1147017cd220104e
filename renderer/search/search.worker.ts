import { PaperdropDatabase, type PaperRecord } from '../db/database';
import { containsPhrases } from './phrase-check';
import { INDEX_SCHEMA, PaperIndex } from './paper-index';
import { parseQuery } from './query-syntax';
import type { IndexDocument, SearchReply, SearchRequest } from './search-protocol';

/** The worker's global scope, typed by hand: the renderer's lib is DOM, not WebWorker. */
const scope = self as unknown as {
  postMessage(message: SearchReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchRequest>) => void): void;
};

/** Papers indexed per step: small enough that a waiting search is answered within a frame or two. */
const CHUNK = 1000;
/** How many of a phrase query's best candidates are checked word for word against their text. */
const PHRASE_CHECKS = 2000;
/**
 * Saving takes the worker's whole attention (about 20 s at 100,000 papers, when searches wait),
 * so it waits for a long lull, not a pause between two dropped files.
 */
const PERSIST_AFTER_MS = 30_000;
/** Vacuum once this share of the index is left over from replaced papers. */
const VACUUM_AT = 0.2;

const db = new PaperdropDatabase();
let index = new PaperIndex();
/** The newest library generation the index reflects, saved with it. */
let indexedGeneration = 0;
/** The generation last saved: an index that has not changed since is not saved again. */
let savedGeneration = -1;
let pendingSearch: { seq: number; query: string } | null = null;
/** Papers the page handed over, to index before anything read back from the database. */
let handedOver: IndexDocument[] = [];
/** Ids to read from the database and index again (catching up a saved index), or to drop. */
const pendingRefresh = new Set<string>();
/** Papers merged away, to drop from the index between steps. */
const pendingRemovals = new Set<string>();
/** Papers still to index from a rebuild, newest first, so recent papers are searchable first. */
let rebuildQueue: string[] = [];
let total = 0;
let persistTimer: ReturnType<typeof setTimeout> | null = null;
let wake: (() => void) | null = null;

scope.addEventListener('message', ({ data }) => {
  if (data.type === 'search') {
    pendingSearch = data;
  } else {
    handedOver.push(...data.papers);
    for (const id of data.removed) pendingRemovals.add(id);
  }
  wake?.();
});

void run();

async function run(): Promise<void> {
  await openIndex();
  for (;;) {
    // The index changes only here, one step at a time, so a vacuum is never interrupted.
    for (const id of takeAll(pendingRemovals, Infinity)) index.remove(id);
    if (pendingSearch) await answer(pendingSearch);
    else if (handedOver.length > 0) indexDocuments(handedOver.splice(0, CHUNK));
    else if (pendingRefresh.size > 0) await refresh(takeAll(pendingRefresh, CHUNK));
    else if (rebuildQueue.length > 0) await refresh(rebuildQueue.splice(0, CHUNK));
    else if (index.dirtFactor > VACUUM_AT) await index.vacuum();
    else await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    // Let messages in between steps, so the latest keystroke is the one answered.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Loads the saved index and catches it up, or starts a rebuild when it is missing or stale. */
async function openIndex(): Promise<void> {
  const [saved, generation, count] = await Promise.all([db.searchIndex.get('main'), db.meta.get('generation'), db.papers.count()]);
  total = count;
  if (saved?.schema === INDEX_SCHEMA) {
    try {
      index = PaperIndex.load(saved.json);
      indexedGeneration = saved.generation;
      savedGeneration = saved.generation;
    } catch (error) {
      console.warn('Paperdrop search: the saved index could not be read; rebuilding.', error);
    }
  }
  if (index.size > 0) {
    const changed = await db.papers.where('generation').above(indexedGeneration).primaryKeys();
    for (const id of changed) pendingRefresh.add(id);
    if (index.size + changed.length < count || (generation?.value ?? 0) < indexedGeneration) index = new PaperIndex();
  }
  if (index.size === 0 && count > 0) rebuildQueue = await db.papers.orderBy('sortKey').reverse().primaryKeys();
  reportProgress();
}

async function refresh(ids: string[]): Promise<void> {
  const papers = await db.papers.bulkGet(ids);
  ids.forEach((id, position) => {
    if (!papers[position]) index.remove(id);
  });
  indexDocuments(papers.filter((paper): paper is PaperRecord => paper !== undefined));
}

function indexDocuments(papers: IndexDocument[]): void {
  index.upsert(papers);
  for (const paper of papers) indexedGeneration = Math.max(indexedGeneration, paper.generation);
  total = Math.max(total, index.size);
  reportProgress();
  schedulePersist();
}

async function answer(request: { seq: number; query: string }): Promise<void> {
  pendingSearch = null;
  const query = parseQuery(request.query);
  let { ids, terms } = index.query(query);
  if (query.phrases.length > 0) ids = await keepPhraseMatches(ids, query.phrases);
  if (pendingSearch) return; // a newer keystroke arrived while the phrases were checked
  scope.postMessage({ type: 'results', seq: request.seq, ids, terms });
}

async function keepPhraseMatches(ids: string[], phrases: string[][]): Promise<string[]> {
  const checked = ids.slice(0, PHRASE_CHECKS);
  const papers = await db.papers.bulkGet(checked);
  const kept = checked.filter((_id, position) => papers[position] && containsPhrases(papers[position], phrases));
  return [...kept, ...ids.slice(PHRASE_CHECKS)];
}

function schedulePersist(): void {
  if (persistTimer) clearTimeout(persistTimer);
  persistTimer = setTimeout(() => void persist(), PERSIST_AFTER_MS);
}

/** Saves the index once indexing has been quiet for a while; a later start loads it instead of rebuilding. */
async function persist(): Promise<void> {
  if (rebuildQueue.length > 0 || pendingRefresh.size > 0 || handedOver.length > 0) return schedulePersist();
  if (indexedGeneration === savedGeneration) return;
  const generation = indexedGeneration;
  const json = index.serialize();
  await db.searchIndex.put({ key: 'main', schema: INDEX_SCHEMA, generation, documentCount: index.size, json });
  savedGeneration = generation;
}

function reportProgress(): void {
  const ready = rebuildQueue.length === 0;
  scope.postMessage({ type: 'progress', indexed: index.size, total: Math.max(total, index.size), ready });
}

function takeAll(ids: Set<string>, limit: number): string[] {
  const taken = [...ids].slice(0, limit);
  for (const id of taken) ids.delete(id);
  return taken;
}
