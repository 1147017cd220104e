import { DATABASE_NAME, PaperdropDatabase } from '../db/database';
import { IndexScheduler } from './index-scheduler';
import type { SearchReply, SearchRequest } from './search-protocol';
import { openSearchIndexDatabase } from './search-index-database';

/** The worker's global scope, typed by hand: the renderer's lib is DOM, not WebWorker. */
const scope = self as unknown as {
  postMessage(message: SearchReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchRequest>) => void): void;
};

const scheduler = new IndexScheduler({
  db: new PaperdropDatabase(DATABASE_NAME),
  savedIndex: openSearchIndexDatabase(DATABASE_NAME),
  post: (reply) => scope.postMessage(reply),
});
let wake: (() => void) | null = null;

scope.addEventListener('message', ({ data }) => {
  scheduler.receive(data);
  wake?.();
});

void run();

async function run(): Promise<void> {
  for (;;) {
    if (!(await stepOrFail())) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    await letMessagesIn();
  }
}

/**
 * A step that throws (the library would not open: library-open.ts tells the reader) is logged, and
 * the worker waits for the next message rather than trying again at once, or ending.
 */
async function stepOrFail(): Promise<boolean> {
  try {
    return await scheduler.step();
  } catch (error) {
    console.error('Paperdrop search: the index could not go on; it will try again at the next message', error);
    return false;
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
