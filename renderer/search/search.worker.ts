import { PaperdropDatabase, type PaperRecord } from '../db/database';
import { SAVE_WHEN_QUIET_MS, type SnapshotHead } from './index-snapshot';
import { readSnapshotHead, readSnapshotPart, writeSnapshot } from './index-store';
import { PaperIndex, UPSERT_BATCH } from './paper-index';
import { containsPhrases } from './phrase-check';
import { parseQuery } from './query-syntax';
import type { IndexDocument, SearchReply, SearchRequest } from './search-protocol';

/** The worker's global scope, typed by hand: the renderer's lib is DOM, not WebWorker. */
const scope = self as unknown as {
  postMessage(message: SearchReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchRequest>) => void): void;
};

/** A step of index work lasts about this long, so that a waiting search is answered within a frame or two. */
const SLICE_MS = 30;
/** How many of a phrase query's best candidates are checked word for word against their text. */
const PHRASE_CHECKS = 2000;
/** Vacuum once this share of the index is left over from replaced papers. */
const VACUUM_AT = 0.2;

/** Work that changes the index a slice at a time; nothing else changes it until the job is done. */
interface Job {
  step(deadline: number): boolean | Promise<boolean>;
  finish?(): void | Promise<void>;
}

const db = new PaperdropDatabase();
let index = new PaperIndex();
/** The newest library generation the index reflects, and the one it was last saved at. */
let indexedGeneration = 0;
let savedGeneration = -1;
/** False while the saved index is being restored or the index rebuilt: answers may miss papers. */
let ready = false;
let total = 0;
let pendingSearch: { seq: number; query: string } | null = null;
/** Papers the page handed over, to index before anything read back from the database. */
let handedOver: IndexDocument[] = [];
/** Ids to read from the database and index again (catching up a saved index), or to drop. */
const pendingRefresh = new Set<string>();
/** Papers merged away, to drop from the index between jobs. */
const pendingRemovals = new Set<string>();
/** Papers still to index in a rebuild, newest first, so recent papers are searchable first. */
let rebuildQueue: string[] = [];
let job: Job | null = null;
let saveDue = false;
let saveTimer: ReturnType<typeof setTimeout> | null = null;
let wake: (() => void) | null = null;

scope.addEventListener('message', ({ data }) => {
  if (data.type === 'search') pendingSearch = data;
  else handOver(data.papers, data.removed);
  wake?.();
});

/** Removals are applied before handed-over papers are indexed, so a paper merged away since it was handed over is taken back. */
function handOver(papers: IndexDocument[], removed: string[]): void {
  if (removed.length > 0) {
    const gone = new Set(removed);
    handedOver = handedOver.filter((paper) => !gone.has(paper.id));
    for (const id of removed) pendingRemovals.add(id);
  }
  handedOver.push(...papers);
}

void run();

async function run(): Promise<void> {
  job = await openingJob();
  reportProgress();
  for (;;) {
    if (pendingSearch) await answer(pendingSearch);
    else if (job) await stepJob(job);
    else if (!(job = await nextJob())) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    await letMessagesIn();
  }
}

const turns = new MessageChannel();

/**
 * Lets messages in between steps, so the latest keystroke is the one answered. Through a message
 * rather than a timer: nested zero timers wait at least 4 ms each, which adds up over the hundreds
 * of steps of a restore.
 */
function letMessagesIn(): Promise<void> {
  return new Promise((resolve) => {
    turns.port1.onmessage = () => resolve();
    turns.port2.postMessage(null);
  });
}

async function stepJob(current: Job): Promise<void> {
  try {
    if (!(await current.step(performance.now() + SLICE_MS))) return;
    job = null;
    await current.finish?.();
  } catch (error) {
    job = null;
    console.warn('Paperdrop search: rebuilding the index after an error.', error);
    await startRebuild();
  }
  reportProgress();
}


/**
 * Restores the saved index, newest papers first, or rebuilds it when there is none. Nothing waits
 * for the library's count: IndexedDB counts 100,000 papers by reading them, which takes seconds.
 */
async function openingJob(): Promise<Job | null> {
  const head = await readSnapshotHead(db).catch(() => null);
  if (!head) {
    await startRebuild();
    return null;
  }
  total = head.documentCount;
  index.beginRestore(head);
  return restoreJob(head);
}

function restoreJob(head: SnapshotHead): Job {
  let part = 0;
  let restorer: ReturnType<PaperIndex['partRestorer']> | null = null;
  let nextPart = head.parts > 0 ? readSnapshotPart(db, 0) : null;
  return {
    async step(deadline) {
      if (part === head.parts) return true;
      if (!restorer) {
        restorer = index.partRestorer(await nextPart!);
        nextPart = part + 1 < head.parts ? readSnapshotPart(db, part + 1) : null;
      }
      if (!restorer.step(deadline)) return false;
      restorer = null;
      part += 1;
      reportProgress();
      return part === head.parts;
    },
    async finish() {
      indexedGeneration = head.generation;
      savedGeneration = head.generation;
      const [changed, generation] = await Promise.all([writtenSince(head.generation), db.meta.get('generation')]);
      // A library older than the index: the index was saved from another one.
      if ((generation?.value ?? 0) < head.generation) return startRebuild();
      for (const id of changed) pendingRefresh.add(id);
      ready = true;
      void reconcile().catch((error: unknown) => console.warn('Paperdrop search: checking the index against the library failed.', error));
    },
  };
}

function writtenSince(generation: number): Promise<string[]> {
  return db.papers.where('generation').above(generation).primaryKeys() as Promise<string[]>;
}

/**
 * Squares a restored index with the library, in the background (reading 100,000 keys takes a
 * while): papers merged away since the index was saved, and papers it lacks, are read again, so
 * that those gone are dropped and the others indexed. A paper stored meanwhile is read as it is now.
 */
async function reconcile(): Promise<void> {
  const stored = new Set((await db.papers.toCollection().primaryKeys()) as string[]);
  const coming = new Set(handedOver.map((paper) => paper.id));
  for (const id of index.ids()) if (!stored.has(id)) pendingRefresh.add(id);
  for (const id of stored) if (!index.has(id) && !coming.has(id)) pendingRefresh.add(id);
  wake?.();
}

async function startRebuild(): Promise<void> {
  index = new PaperIndex();
  indexedGeneration = 0;
  savedGeneration = -1;
  handedOver = [];
  pendingRefresh.clear();
  pendingRemovals.clear();
  rebuildQueue = (await db.papers.orderBy('sortKey').reverse().primaryKeys()) as string[];
  total = rebuildQueue.length;
  ready = rebuildQueue.length === 0;
}

/** The next thing to do to the index, in order: drop, add handed-over papers, catch up, rebuild, vacuum, save. */
async function nextJob(): Promise<Job | null> {
  for (const id of takeSome(pendingRemovals, Infinity)) index.remove(id);
  if (handedOver.length > 0) return upsertJob(handedOver.splice(0, UPSERT_BATCH));
  const ids = pendingRefresh.size > 0 ? takeSome(pendingRefresh, UPSERT_BATCH) : rebuildQueue.splice(0, UPSERT_BATCH);
  if (ids.length > 0) {
    const papers = await db.papers.bulkGet(ids);
    ids.forEach((id, position) => papers[position] || index.remove(id));
    return upsertJob(papers.filter((paper): paper is PaperRecord => paper !== undefined));
  }
  if (!ready && rebuildQueue.length === 0) ready = true;
  if (index.dirtFactor > VACUUM_AT) return index.vacuumJob();
  if (saveDue) return saveJob();
  return null;
}

function upsertJob(papers: IndexDocument[]): Job {
  const indexer = index.beginUpsert(papers);
  return {
    step: (deadline) => indexer.step(deadline),
    finish() {
      for (const paper of papers) indexedGeneration = Math.max(indexedGeneration, paper.generation);
      total = Math.max(total, index.size);
      scheduleSave();
    },
  };
}

/** Saves the index a slice at a time; the write itself goes on while the worker carries on. */
function saveJob(): Job | null {
  saveDue = false;
  if (indexedGeneration === savedGeneration) return null;
  const generation = indexedGeneration;
  const writer = index.snapshotWriter(generation);
  return {
    step: (deadline) => writer.step(deadline),
    finish() {
      void writeSnapshot(db, writer.records()).then(
        () => (savedGeneration = Math.max(savedGeneration, generation)),
        (error: unknown) => console.warn('Paperdrop search: saving the index failed.', error),
      );
    },
  };
}

function scheduleSave(): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveDue = true;
    wake?.();
  }, SAVE_WHEN_QUIET_MS);
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

function reportProgress(): void {
  scope.postMessage({ type: 'progress', indexed: index.size, total: Math.max(total, index.size), ready });
}

function takeSome(ids: Set<string>, limit: number): string[] {
  const taken = [...ids].slice(0, limit);
  for (const id of taken) ids.delete(id);
  return taken;
}
