import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface RendererHeap {
  /** The page's main-thread JS heap with its array buffers' memory, after a full GC. */
  pageMB: number;
  /** Each dedicated worker's (the search worker's) JS heap with its array buffers' memory, after a full GC. */
  workersMB: number[];
}

/** `backingStorageSize` is the memory of ArrayBuffers, which live outside the JS heap: the index's postings are typed arrays. */
type HeapUsage = { usedSize: number; backingStorageSize?: number };

const megabytes = ({ usedSize, backingStorageSize }: HeapUsage) => (usedSize + (backingStorageSize ?? 0)) / 1e6;

/**
 * Sends CDP commands to a page's workers: Playwright opens sessions on pages only, so the
 * page's session attaches to each worker and relays messages to it.
 */
async function workerSessions(session: CDPSession): Promise<((method: string) => Promise<unknown>)[]> {
  const workers: string[] = [];
  const replies = new Map<number, (result: unknown) => void>();
  session.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') workers.push(sessionId);
  });
  session.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message) as { id: number; result: unknown };
    replies.get(reply.id)?.(reply.result);
  });
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await new Promise((resolve) => setTimeout(resolve, 250)); // let the attach events for running workers arrive
  let nextId = 0;
  return workers.map((sessionId) => (method: string) => {
    const id = (nextId += 1);
    const reply = new Promise<unknown>((resolve) => replies.set(id, resolve));
    void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
    return reply;
  });
}

/** The renderer's JS heaps, measured through the Chrome DevTools Protocol. */
export async function measureRendererHeap(context: BrowserContext, page: Page): Promise<RendererHeap> {
  const session = await context.newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const pageMB = megabytes((await session.send('Runtime.getHeapUsage')) as HeapUsage);
    const workersMB: number[] = [];
    for (const send of await workerSessions(session)) {
      await send('HeapProfiler.collectGarbage');
      workersMB.push(megabytes((await send('Runtime.getHeapUsage')) as HeapUsage));
    }
    return { pageMB, workersMB };
  } finally {
    await session.detach();
  }
}
