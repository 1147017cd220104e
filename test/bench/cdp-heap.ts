import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface RendererHeap {
  /** The page's main-thread JS heap, after a full GC. */
  pageMB: number;
  /** Each dedicated worker's JS heap (the search worker), after a full GC. */
  workersMB: number[];
}

type HeapUsage = { usedSize: number };

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
    const { usedSize } = (await session.send('Runtime.getHeapUsage')) as HeapUsage;
    const workersMB: number[] = [];
    for (const send of await workerSessions(session)) {
      await send('HeapProfiler.collectGarbage');
      workersMB.push(((await send('Runtime.getHeapUsage')) as HeapUsage).usedSize / 1e6);
    }
    return { pageMB: usedSize / 1e6, workersMB };
  } finally {
    await session.detach();
  }
}
