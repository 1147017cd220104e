import type { SearchReply, SearchRequest } from './search-protocol';

/** The page's handle on the search worker. Only the latest query's results are delivered. */
export class SearchClient {
  private readonly worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
  private seq = 0;
  private waiting: { seq: number; resolve: (ids: string[] | null) => void } | null = null;

  constructor() {
    this.worker.addEventListener('message', ({ data }: MessageEvent<SearchReply>) => {
      if (this.waiting?.seq === data.seq) {
        this.waiting.resolve(data.ids);
        this.waiting = null;
      }
    });
  }

  /** Resolves with ids best first, or null when a newer query replaced this one. */
  search(query: string): Promise<string[] | null> {
    this.waiting?.resolve(null);
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.waiting = { seq, resolve };
      this.post({ type: 'search', seq, query });
    });
  }

  /** Papers written or removed, to be indexed again or dropped. */
  refresh(ids: string[]): void {
    this.post({ type: 'refresh', ids });
  }

  private post(request: SearchRequest): void {
    this.worker.postMessage(request);
  }
}
