import type { PaperdropDatabase } from '../db/database';
import { PAPERS_PER_PAGE } from '../db/page-layout';
import { allStoredIds, pageKeysAfter, readPages, readPapers } from '../db/paper-pages';
import type { PageKey, PaperRecord } from '../db/records';
import { indexFingerprint } from './index-fingerprint';
import { restoreJob } from './index-restore';
import { paced, type Paced } from '../paced';
import { IndexSaver } from './index-saver';
import { readSavedHead } from './index-store';
import { segmentsToMerge } from './merge-policy';
import { PaperIndex, UPSERT_BATCH } from './paper-index';
import { PhraseChecker } from './phrase-checker';
import { parseQuery } from './query-syntax';
import type { IndexDocument, SearchReply, SearchRequest } from './search-protocol';
import type { SearchIndexDatabase } from './search-index-database';

/** A step of index work lasts about this long, so that a waiting search is answered within a frame or two. */
const SLICE_MS = 30;
/**
 * While changes keep coming (an ingest), the index is saved at most this often. Saved after every
 * change, its writes (a head, new segments, and every few writes the whole term dictionary) took a
 * quarter of what a small file costs (docs/long-run.md); a restart catches up what the last save missed.
 */
export const SAVE_INTERVAL_MS = 2000;

/** Work that changes the index a slice at a time; nothing else changes it until the job is done. */
interface Job {
  step(deadline: number): boolean | Promise<boolean>;
  finish?(): void | Promise<void>;
}

export interface SchedulerOptions {
  db: PaperdropDatabase;
  /** Where the index is saved: opened as the worker starts, so the scheduler waits for it on its first step. */
  savedIndex: SearchIndexDatabase | Promise<SearchIndexDatabase>;
  post(reply: SearchReply): void;
  /** performance.now(), or a test's clock. */
  now?: () => number;
  /** How often, at most, the index is saved while changes keep coming; SAVE_INTERVAL_MS unless a test says. */
  saveIntervalMs?: number;
}

/**
 * Decides what the search worker does next, one step at a time: a waiting search first, then the
 * open job's next slice, then the next job. Jobs, in order: drop papers merged away, index papers
 * the page handed over, catch up on papers read from the library, rebuild, check a restored index
 * against the library, merge segments. The index is saved, without waiting, after changes, at most
 * every SAVE_INTERVAL_MS (see IndexSaver), so a restart finds it whole but for the last few seconds
 * of work, and it is restored rather than rebuilt.
 */
export class IndexScheduler {
  private readonly db: PaperdropDatabase;
  private readonly opening: SearchIndexDatabase | Promise<SearchIndexDatabase>;
  private savedIndex!: SearchIndexDatabase;
  private readonly post: (reply: SearchReply) => void;
  private readonly now: () => number;
  private readonly fingerprint: string;
  private index = new PaperIndex();
  /** Made once the saved index's database is open. */
  private saver: IndexSaver | null = null;
  private readonly phrases: PhraseChecker;
  /** The newest library generation the index reflects. */
  private indexedGeneration = 0;
  /** False while the saved index is being restored or the index rebuilt: answers may miss papers. */
  private ready = false;
  private total = 0;
  private pendingSearch: { seq: number; query: string } | null = null;
  /**
   * The query last answered, with the index version it was answered at. It is answered again
   * whenever the index changes, so a search typed while the index restores or grows fills in at once.
   */
  private standing: { seq: number; query: string; version: number } | null = null;
  /** Counts the changes to what the index answers. */
  private version = 0;
  /** Papers the page handed over, to index before anything read back from the database. */
  private handedOver: IndexDocument[] = [];
  /** Ids to read from the database and index again (catching up a saved index), or to drop. */
  private readonly pendingRefresh = new Set<string>();
  /** Papers merged away, to drop from the index between jobs. */
  private readonly pendingRemovals = new Set<string>();
  /**
   * Pages of papers still to read and index, in a rebuild or catching up a saved index: the latest
   * batches' first, so recent papers are searchable first.
   */
  private pageQueue: PageKey[] = [];
  private job: Job | null = null;
  /** A restored index is checked against the library once it has caught up (see reconcile). */
  private reconcileDue = false;
  private opened = false;
  private saveDue = false;
  /** False in a tab that follows another's writes: that tab's worker saves the index (see SearchRequest). */
  private saves = true;
  private saving: Promise<unknown> = Promise.resolve();
  private readonly savePace: Paced<void>;
  private rebuildCount = 0;

  constructor(options: SchedulerOptions) {
    this.db = options.db;
    this.opening = options.savedIndex;
    // A library upgrade may change what papers hold: an index saved before it is rebuilt.
    this.fingerprint = indexFingerprint(this.db.verno);
    this.post = options.post;
    this.now = options.now ?? (() => performance.now());
    this.savePace = paced(() => this.saveNow(), options.saveIntervalMs ?? SAVE_INTERVAL_MS);
    this.phrases = new PhraseChecker(this.db);
  }

  /** A message from the page. Removals are applied before handed-over papers are indexed, so a paper merged away since it was handed over is taken back. */
  receive(request: SearchRequest): void {
    if (request.type === 'saves') {
      this.saves = request.saves;
      if (this.saves) this.saveSoon();
      return;
    }
    if (request.type === 'search') {
      // An emptied search box: nothing to answer, now or as the index changes.
      this.pendingSearch = request.query.trim() === '' ? null : request;
      if (!this.pendingSearch) this.standing = null;
      return;
    }
    if (request.removed.length > 0) {
      const gone = new Set(request.removed);
      this.handedOver = this.handedOver.filter((paper) => !gone.has(paper.id));
      for (const id of request.removed) this.pendingRemovals.add(id);
    }
    this.handedOver.push(...request.papers);
  }

  /** Does the next piece of work; false when there is none left, until a message comes. */
  async step(): Promise<boolean> {
    if (!this.opened) {
      this.opened = true;
      this.savedIndex = await this.opening;
      this.job = await this.openingJob();
      this.reportProgress();
      return true;
    }
    const search = this.pendingSearch ?? (this.standing?.version === this.version ? null : this.standing);
    if (search) {
      await this.answer(search);
      return true;
    }
    if (this.job) {
      await this.stepJob(this.job);
      return true;
    }
    this.job = await this.nextJob();
    return this.job !== null;
  }

  /** Steps until nothing is left to do, and every save is written, one waiting for its interval too: for tests. */
  async runUntilIdle(): Promise<void> {
    while (await this.step());
    await this.writesSettled();
    this.savePace.cancel();
    this.saveNow();
    await this.writesSettled();
  }

  /** Drops a save waiting for its interval, as the worker's end would: for tests that start another scheduler on the library. */
  stop(): void {
    this.savePace.cancel();
  }

  /** Resolves once no save is being written. */
  async writesSettled(): Promise<void> {
    while (this.saver?.busy) await this.saving;
  }

  /** The index as it stands: for tests. */
  get currentIndex(): PaperIndex {
    return this.index;
  }

  /** How many times the index was rebuilt from the library: for tests. */
  get rebuilds(): number {
    return this.rebuildCount;
  }

  private async stepJob(current: Job): Promise<void> {
    try {
      if (!(await current.step(this.now() + SLICE_MS))) return;
      this.job = null;
      await current.finish?.();
    } catch (error) {
      this.job = null;
      console.warn('Paperdrop search: rebuilding the index after an error.', error);
      await this.startRebuild();
    }
    this.reportProgress();
  }

  /**
   * Restores the saved index, newest segments first, or rebuilds it when there is none of this
   * configuration. Nothing waits for the library's count: IndexedDB counts 100,000 papers by reading them.
   */
  private async openingJob(): Promise<Job | null> {
    const head = await readSavedHead(this.savedIndex, this.fingerprint).catch(() => null);
    if (!head) {
      await this.startRebuild();
      return null;
    }
    this.total = head.documentCount;
    this.saver = new IndexSaver(this.savedIndex, this.fingerprint, head);
    const restoring = restoreJob(this.savedIndex, head, this.index.store);
    return {
      step: async (deadline) => {
        const restored = this.index.store.segments.length;
        const done = await restoring.step(deadline);
        if (this.index.store.segments.length === restored) return done;
        this.version += 1;
        this.reportProgress();
        return done;
      },
      finish: async () => {
        this.indexedGeneration = head.generation;
        const [changed, generation] = await Promise.all([pageKeysAfter(this.db, head.generation), this.db.meta.get('generation')]);
        // A library older than the index: the index was saved from another one.
        if ((generation?.value ?? 0) < head.generation) return this.startRebuild();
        this.pageQueue = changed;
        this.ready = true;
        this.reconcileDue = true;
      },
    };
  }

  /** Reconciles as a job, so that the loop waits for it, a slice at a time, and searches are answered meanwhile. */
  private reconcileJob(): Job {
    let done = false;
    const reconciling = this.reconcile()
      .catch((error: unknown) => console.warn('Paperdrop search: checking the index against the library failed.', error))
      .finally(() => (done = true));
    return {
      step: async (deadline) => {
        await Promise.race([reconciling, new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - this.now()) || 0))]);
        return done;
      },
    };
  }

  /**
   * Squares a restored index with the library (reading 100,000 keys takes a while): papers merged
   * away since the index was saved, and papers it lacks, are read again, so that those gone are
   * dropped and the others indexed. A paper stored meanwhile is read as it is now.
   * It waits for the catch-up's pages to be indexed, or it would read their papers again.
   */
  private async reconcile(): Promise<void> {
    const stored = new Set(await allStoredIds(this.db));
    const coming = new Set(this.handedOver.map((paper) => paper.id));
    for (const id of this.index.ids()) if (!stored.has(id)) this.pendingRefresh.add(id);
    for (const id of stored) if (!this.index.has(id) && !coming.has(id)) this.pendingRefresh.add(id);
  }

  private async startRebuild(): Promise<void> {
    this.rebuildCount += 1;
    this.index = new PaperIndex();
    this.version += 1;
    this.saver = new IndexSaver(this.savedIndex, this.fingerprint);
    this.indexedGeneration = 0;
    this.handedOver = [];
    this.pendingRefresh.clear();
    this.pendingRemovals.clear();
    this.reconcileDue = false;
    [this.pageQueue, this.total] = await Promise.all([pageKeysAfter(this.db), this.db.pages.orderBy('ids').count()]);
    this.ready = this.pageQueue.length === 0;
  }

  /** Saves what changed, paced: at once after a quiet interval, else once the interval has passed since the last save began. */
  private saveSoon(): void {
    if (this.saveDue) this.savePace.push();
  }

  /** Writes what changed since the last write, unless one is under way: its end asks again. */
  private saveNow(): void {
    if (!this.saver || !this.saves || this.saver.busy || !this.saveDue) return;
    this.saveDue = false;
    this.saving = this.saver.save(this.index.store, this.indexedGeneration).then((saved) => {
      // A failed write is tried again with the next change; the error is logged.
      if (!saved) this.saveDue = true;
      else this.saveSoon();
    });
  }

  /** The next thing to do to the index, in order: drop, add handed-over papers, catch up, rebuild, finish a restored dictionary, merge. */
  private async nextJob(): Promise<Job | null> {
    const removals = [...this.pendingRemovals];
    this.pendingRemovals.clear();
    if (removals.length > 0) {
      this.index.remove(removals);
      this.phrases.forget(removals);
      this.changed();
    }
    this.saveSoon();
    if (this.handedOver.length > 0) return this.upsertJob(this.handedOver.splice(0, UPSERT_BATCH));
    if (this.pendingRefresh.size > 0) {
      const ids = takeSome(this.pendingRefresh, UPSERT_BATCH);
      const papers = await readPapers(this.db, ids);
      const gone = ids.filter((_id, position) => !papers[position]);
      if (gone.length > 0) {
        this.index.remove(gone);
        this.phrases.forget(gone);
        this.changed();
      }
      const found = papers.filter((paper): paper is PaperRecord => paper !== undefined);
      return found.length > 0 ? this.upsertJob(found) : this.nextJob();
    }
    if (this.pageQueue.length > 0) {
      const pages = await readPages(this.db, takePages(this.pageQueue, this.index.size === 0));
      const papers = pages.flatMap((page) => page.papers);
      return papers.length > 0 ? this.upsertJob(papers) : this.nextJob();
    }
    if (this.reconcileDue) {
      this.reconcileDue = false;
      return this.reconcileJob();
    }
    if (!this.ready) {
      this.ready = true;
      this.reportProgress();
    }
    const { dictionary } = this.index.store;
    // Until the tree is built, only whole words are looked up: prefixes and typos then find more.
    if (!dictionary.treeComplete) return { step: (deadline) => dictionary.buildTree(deadline), finish: () => void (this.version += 1) };
    const merging = segmentsToMerge(this.index.store.segments);
    if (merging) {
      const job = this.index.store.mergeJob(merging);
      return {
        step: (deadline) => job.step(deadline),
        finish: () => {
          job.finish();
          // The same papers in fewer segments: answers stay as they were, only the saved index changes.
          this.saveDue = true;
          this.saveSoon();
        },
      };
    }
    return null;
  }

  private upsertJob(papers: IndexDocument[]): Job {
    const newest = papers.reduce((latest, paper) => Math.max(latest, paper.generation), 0);
    const job = this.index.upsertJob(papers, newest);
    return {
      step: (deadline) => job.step(deadline),
      finish: () => {
        job.finish();
        this.phrases.forget(papers.map((paper) => paper.id));
        this.indexedGeneration = Math.max(this.indexedGeneration, newest);
        this.total = Math.max(this.total, this.index.size);
        this.changed();
      },
    };
  }

  private changed(): void {
    this.version += 1;
    this.saveDue = true;
    this.saveSoon();
  }

  private async answer(request: { seq: number; query: string }): Promise<void> {
    this.pendingSearch = null;
    this.standing = { seq: request.seq, query: request.query, version: this.version };
    const query = parseQuery(request.query);
    const { ids: found, terms } = this.index.query(query);
    const answer = (ids: string[]) => this.post({ type: 'results', seq: request.seq, ids, terms });
    if (query.phrases.length === 0) return answer(found);
    // A newer keystroke that arrives while the phrases are checked is answered instead; an emptied box stops the check.
    const superseded = () => this.pendingSearch !== null || this.standing?.seq !== request.seq;
    const ids = await this.phrases.keepMatches({ text: request.query, phrases: query.phrases }, found, answer, superseded);
    if (ids && !superseded()) answer(ids);
  }

  private reportProgress(): void {
    this.post({ type: 'progress', indexed: this.index.size, total: Math.max(this.total, this.index.size), ready: this.ready });
  }
}

/**
 * The next job's pages, from the front of the queue (the latest batches' first): a job's papers at
 * most, and in a rebuild's first job only the latest batch's. Its papers then have a segment of
 * their own, which a restore reads first (recent-segments.ts): a title from the file dropped last
 * is found once that batch is read, not once a job's 5,000 papers are (a fifth of a second at a start).
 */
function takePages(queue: PageKey[], latestBatchAlone: boolean): PageKey[] {
  const latest = queue[0]?.[0];
  let end = 0;
  while (end < queue.length && end < UPSERT_BATCH / PAPERS_PER_PAGE && (!latestBatchAlone || queue[end]![0] === latest)) end++;
  return queue.splice(0, end);
}

function takeSome(ids: Set<string>, limit: number): string[] {
  const taken = [...ids].slice(0, limit);
  for (const id of taken) ids.delete(id);
  return taken;
}
