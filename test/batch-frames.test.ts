import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFrameAssembler, eventFrames } from '../shared/batch-frames';
import type { EventChannel, WireMessage } from '../shared/ipc';
import './fast-check-seed';
import { parseFile } from './parse-file';
import { REAL_DIR } from './shared-paths';

const batch = parseFile(`${REAL_DIR}StringologyTimes/arxiv@11ba871_2024-07-20.xml`);
const other = parseFile(`${REAL_DIR}arxiv-to-rss/feed.xml`);

/** What a bridge's listeners would be handed for these frames, in order, after a JSON round trip as on the wire. */
function delivered(frames: WireMessage[], resetAfter = -1): [EventChannel, unknown][] {
  const events: [EventChannel, unknown][] = [];
  const assembler = createFrameAssembler((channel, payload) => events.push([channel, payload]));
  frames.forEach((frame, index) => {
    assembler.receive(JSON.parse(JSON.stringify(frame)) as Extract<WireMessage, { kind: 'papers' | 'event' }>);
    if (index === resetAfter) assembler.reset();
  });
  return events;
}

describe('batch frames over the WebSocket', () => {
  it('has real batches to split', () => {
    expect(batch.papers.length).toBeGreaterThan(20);
    expect(other.papers.length).toBeGreaterThan(5);
  });

  it('delivers every batch whole and in order, however it is sliced, with no frame over the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: batch.papers.length + 2 }), (perFrame) => {
        const frames = [...eventFrames('batch', batch, perFrame), ...eventFrames('status', { pending: 3 }, perFrame), ...eventFrames('batch', other, perFrame)];
        for (const frame of frames) if (frame.kind === 'papers') expect(frame.papers.length).toBe(perFrame);
        expect(frames.filter((frame) => frame.kind === 'event')).toHaveLength(3);
        expect(delivered(frames)).toEqual([['batch', batch], ['status', { pending: 3 }], ['batch', other]]);
      }),
      { numRuns: 25 },
    );
  });

  it('sends a batch that fits in one frame as it is', () => {
    expect(eventFrames('batch', batch, batch.papers.length)).toEqual([{ kind: 'event', channel: 'batch', payload: batch }]);
  });

  it('forgets papers sent ahead of a batch when the connection drops, so the batch sent again is not doubled', () => {
    const frames = eventFrames('batch', batch, 10);
    const resent = delivered([...frames.slice(0, 2), ...frames], 1);
    expect(resent).toEqual([['batch', batch]]);
  });
});
