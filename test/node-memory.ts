import WebSocket from 'ws';
import type { WebModeProcess } from './web-mode-process';

/**
 * Web mode's V8 heap and the memory its objects hold outside it (buffers), in MB, after a full
 * garbage collection asked of it through its inspector. Its resident memory is no measure of a
 * leak: even after a collection it moved in steps of 20 MB with the allocator, and stayed there.
 */
export async function heapAfterGcMB(web: WebModeProcess): Promise<number> {
  if (!web.inspector) throw new Error('heapAfterGcMB: start web mode with `inspect`');
  const socket = new WebSocket(web.inspector);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const replies = new Map<number, (result: unknown) => void>();
  socket.on('message', (data) => {
    const { id, result } = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (id !== undefined) replies.get(id)?.(result);
  });
  let next = 0;
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      replies.set(++next, resolve);
      socket.send(JSON.stringify({ id: next, method, params }));
    });
  await call('HeapProfiler.collectGarbage');
  const usage = (await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })) as { result: { value: string } };
  socket.close();
  const { heapUsed, external } = JSON.parse(usage.result.value) as NodeJS.MemoryUsage;
  return (heapUsed + external) / 2 ** 20;
}
