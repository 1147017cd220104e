import type { MatchTerm } from './highlight';
import type { IndexDocument, SearchReply, SearchRequest } from './search-protocol';

export interface SearchAnswer {
  ids: string[];
  terms: MatchTerm[];
}

export interface IndexProgress {
  indexed: number;
  total: number;
  ready: boolean;
}

/** The page's handle on the search worker. Only the latest query's answer is delivered. */
export class SearchClient {
  private readonly worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
  private seq = 0;
  private waiting: { seq: number; resolve: (answer: SearchAnswer | null) => void } | null = null;
  private progress: IndexProgress = { indexed: 0, total: 0, ready: false };
  private readonly progressListeners = new Set<() => void>();

  constructor() {
    this.worker.addEventListener('message', ({ data }: MessageEvent<SearchReply>) => {
      if (data.type === 'progress') {
        this.progress = { indexed: data.indexed, total: data.total, ready: data.ready };
        for (const listener of this.progressListeners) listener();
      } else if (this.waiting?.seq === data.seq) {
        this.waiting.resolve({ ids: data.ids, terms: data.terms });
        this.waiting = null;
      }
    });
  }

  /** Resolves with ids best first, or null when a newer query replaced this one. */
  search(query: string): Promise<SearchAnswer | null> {
    this.waiting?.resolve(null);
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.waiting = { seq, resolve };
      this.post({ type: 'search', seq, query });
    });
  }

  /** Papers just written, to index, and papers gone, to drop; handed over whole, so the worker need not read them back. */
  index(papers: IndexDocument[], removed: string[]): void {
    const documents = papers.map(({ id, title, abstract, authors, categories, arxivId, published, generation }) => ({ id, title, abstract, authors, categories, arxivId, published, generation }));
    this.post({ type: 'index', papers: documents, removed });
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
