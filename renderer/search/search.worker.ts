import { PaperdropDatabase } from '../db/database';
import { PaperIndex } from './paper-index';
import type { SearchReply, SearchRequest } from './search-protocol';

/** The worker's global scope, typed by hand: the renderer's lib is DOM, not WebWorker. */
const scope = self as unknown as {
  postMessage(message: SearchReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchRequest>) => void): void;
};

const db = new PaperdropDatabase();
const index = new PaperIndex();
let latestSeq = 0;

// Every message waits for the ones before it, so a search never runs on a half-built index.
let work = db.papers.toArray().then((papers) => index.upsert(papers));

scope.addEventListener('message', ({ data }) => {
  if (data.type === 'search') latestSeq = Math.max(latestSeq, data.seq);
  work = work.then(() => handle(data)).catch((error: unknown) => console.error('Paperdrop search:', error));
});

async function handle(request: SearchRequest): Promise<void> {
  if (request.type === 'refresh') {
    const papers = await db.papers.bulkGet(request.ids);
    request.ids.forEach((id, position) => {
      if (!papers[position]) index.remove(id);
    });
    index.upsert(papers.filter((paper) => paper !== undefined));
    return;
  }
  if (request.seq < latestSeq) return; // superseded by a later keystroke
  scope.postMessage({ type: 'results', seq: request.seq, ids: index.search(request.query) });
}
