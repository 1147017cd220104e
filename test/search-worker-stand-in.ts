import { SearchClient } from '../renderer/search/search-client';
import type { SearchReply, SearchRequest } from '../renderer/search/search-protocol';

/** Stands in for the search worker, which jsdom and Node lack: the test posts its replies. */
export class SearchWorkerStandIn extends EventTarget {
  postMessage(_request: SearchRequest): void {}

  reply(reply: SearchReply): void {
    this.dispatchEvent(new MessageEvent('message', { data: reply }));
  }
}

/** A real SearchClient on a stand-in worker. */
export function searchClientOnStandIn(): { search: SearchClient; worker: SearchWorkerStandIn } {
  const worker = new SearchWorkerStandIn();
  return { search: new SearchClient(worker as unknown as Worker), worker };
}
