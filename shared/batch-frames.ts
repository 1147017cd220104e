import type { EventChannel, EventMap, WireMessage } from './ipc';
import type { Paper } from './paper';

/**
 * Papers per WebSocket frame. A file's batch runs to megabytes; Chromium receives and the page
 * parses one frame in a single task, so one frame per batch held the page's main thread for
 * 300 ms and more during a large ingest. Frames of this size each take a few tens of ms.
 */
const PAPERS_PER_FRAME = 250;

/**
 * The wire messages for one event. A large batch goes as its papers in slices sent ahead
 * ('papers' frames), then the batch itself carrying the last slice.
 */
export function eventFrames<K extends EventChannel>(channel: K, payload: EventMap[K], papersPerFrame = PAPERS_PER_FRAME): WireMessage[] {
  if (channel !== 'batch') return [{ kind: 'event', channel, payload }];
  const batch = payload as EventMap['batch'];
  const frames: WireMessage[] = [];
  let start = 0;
  for (; batch.papers.length - start > papersPerFrame; start += papersPerFrame) {
    frames.push({ kind: 'papers', hash: batch.hash, papers: batch.papers.slice(start, start + papersPerFrame) });
  }
  frames.push({ kind: 'event', channel, payload: start === 0 ? batch : { ...batch, papers: batch.papers.slice(start) } });
  return frames;
}

/**
 * The receiving side of eventFrames: holds the papers sent ahead until their batch arrives
 * and hands each event on whole. A connection that drops mid-batch is forgotten with reset();
 * main sends every batch not yet stored again on the next hello.
 */
export function createFrameAssembler(deliver: (channel: EventChannel, payload: unknown) => void) {
  const ahead = new Map<string, Paper[][]>();
  return {
    receive(message: Extract<WireMessage, { kind: 'papers' | 'event' }>): void {
      if (message.kind === 'papers') {
        const slices = ahead.get(message.hash);
        if (slices) slices.push(message.papers);
        else ahead.set(message.hash, [message.papers]);
        return;
      }
      if (message.channel !== 'batch') return deliver(message.channel, message.payload);
      const batch = message.payload as EventMap['batch'];
      const slices = ahead.get(batch.hash);
      ahead.delete(batch.hash);
      deliver('batch', slices ? { ...batch, papers: [...slices.flat(), ...batch.papers] } : batch);
    },
    reset(): void {
      ahead.clear();
    },
  };
}
