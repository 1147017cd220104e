import type { MatchTerm } from './highlight';
import type { IndexDocument, SearchReply, SearchRequest } from './search-protocol';

export interface SearchAnswer {
  /** The query answered. */
  query: string;
  ids: string[];
  terms: MatchTerm[];
}

export interface IndexProgress {
  indexed: number;
  total: number;
  ready: boolean;
}

/**
 * The page's handle on the search worker. The worker answers the latest query, and answers it again
 * each time the index changes (while it loads, as papers arrive), until another query replaces it.
 */
export class SearchClient {
  private asked = { seq: 0, query: '' };
  private answer: SearchAnswer | null = null;
  private readonly answerListeners = new Set<() => void>();
  private progress: IndexProgress = { indexed: 0, total: 0, ready: false };
  private readonly progressListeners = new Set<() => void>();
  private readonly answeredWaiters = new Set<() => void>();

  /** `worker` runs search.worker.ts (see early-worker.ts). */
  constructor(private readonly worker: Worker) {
    this.worker.addEventListener('message', ({ data }: MessageEvent<SearchReply>) => {
      if (data.type === 'progress') {
        this.progress = { indexed: data.indexed, total: data.total, ready: data.ready };
        for (const listener of this.progressListeners) listener();
      } else if (data.seq === this.asked.seq) {
        this.answer = { query: this.asked.query, ids: data.ids, terms: data.terms };
        for (const listener of this.answerListeners) listener();
      }
      this.wakeAnswered();
    });
  }

  /** Asks for the query's matches, best first; an empty query asks for nothing. Answers arrive through getAnswer. */
  ask(query: string): void {
    if (query === this.asked.query) return;
    this.asked = { seq: this.asked.seq + 1, query };
    this.post({ type: 'search', seq: this.asked.seq, query });
    this.wakeAnswered();
  }

  /**
   * While a search waits on the index, a promise of its end: the query asked last has matches, or
   * the index is whole (and found none), or the box is emptied. Null when none waits. At a start
   * the page holds back work the results do not need until then (search-shown-first.ts).
   */
  untilAnswered(): Promise<void> | null {
    if (this.answered()) return null;
    return new Promise((resolve) => this.answeredWaiters.add(resolve));
  }

  private answered(): boolean {
    if (this.asked.query === '' || this.progress.ready) return true;
    return this.answer?.query === this.asked.query && this.answer.ids.length > 0;
  }

  private wakeAnswered(): void {
    if (this.answeredWaiters.size === 0 || !this.answered()) return;
    for (const resolve of this.answeredWaiters) resolve();
    this.answeredWaiters.clear();
  }

  /** The latest answer: to the query asked last, or to an earlier one while its answer is coming. */
  getAnswer = (): SearchAnswer | null => this.answer;

  subscribeAnswer = (listener: () => void): (() => void) => {
    this.answerListeners.add(listener);
    return () => this.answerListeners.delete(listener);
  };

  /** Papers just written, to index, and papers gone, to drop; handed over whole, so the worker need not read them back. */
  index(papers: IndexDocument[], removed: string[]): void {
    const documents = papers.map(({ id, title, abstract, authors, categories, arxivId, published, generation }) => ({ id, title, abstract, authors, categories, arxivId, published, generation }));
    this.post({ type: 'index', papers: documents, removed });
  }

  /** Whether the worker saves the index: only in the tab that stores batches (renderer/sync/writer-election.ts). */
  setSaving(saves: boolean): void {
    this.post({ type: 'saves', saves });
  }

  getProgress = (): IndexProgress => this.progress;

  subscribeProgress = (listener: () => void): (() => void) => {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  };

  private post(request: SearchRequest): void {
    this.worker.postMessage(request);
  }
}
