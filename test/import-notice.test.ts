import { describe, expect, it, vi } from 'vitest';
import { importNotice } from '../electron/core/import-notice';
import { COMMAND_LIST } from '../shared/commands';
import type { IngestBatch, Paper } from '../shared/paper';

/** Only the paper count of a batch matters here. */
function batch(file: string, papers: number): IngestBatch {
  return { file, hash: file, format: null, seenAt: '2026-01-01T00:00:00.000Z', papers: Array.from({ length: papers }, () => ({}) as Paper), errors: [] };
}

function setUp(focused = false) {
  const notify = vi.fn();
  const state = { focused };
  const observe = importNotice({ isFocused: () => state.focused, notify });
  /** One run as a session sends it: each batch, with the pending count, then nothing pending. */
  const run = (...papers: number[]) => {
    observe('status', { pending: papers.length });
    papers.forEach((count, index) => {
      observe('batch', batch(`feed-${index}.xml`, count));
      observe('status', { pending: papers.length - index });
    });
    observe('status', { pending: 0 });
  };
  return { notify, state, observe, run };
}

describe('importNotice', () => {
  it('notifies once when more than 100 papers are ready and the window is not focused', () => {
    const { notify, run } = setUp();
    run(100, 150, 50, 12);
    expect(notify.mock.calls).toEqual([['Import finished', '312 papers from 4 files are ready']]);
  });

  it('counts only the files that brought papers', () => {
    const { notify, run } = setUp();
    run(101, 0);
    expect(notify.mock.calls).toEqual([['Import finished', '101 papers from 1 file are ready']]);
  });

  it('stays quiet while the window is focused', () => {
    const { notify, run } = setUp(true);
    run(300, 300);
    expect(notify).not.toHaveBeenCalled();
  });

  it('stays quiet for 100 papers or fewer', () => {
    const { notify, run } = setUp();
    run(60, 40);
    run(1);
    expect(notify).not.toHaveBeenCalled();
  });

  it('waits for the run to end, and notifies once for each run', () => {
    const { notify, observe, run } = setUp();
    observe('batch', batch('a.xml', 200));
    observe('status', { pending: 1 });
    expect(notify).not.toHaveBeenCalled();
    observe('status', { pending: 0 });
    observe('status', { pending: 0 });
    run(500);
    expect(notify.mock.calls.map(([, body]: unknown[]) => body)).toEqual(['200 papers from 1 file are ready', '500 papers from 1 file are ready']);
  });

  it('starts counting afresh after a run that ended while focused', () => {
    const { notify, state, run } = setUp(true);
    run(90);
    state.focused = false;
    run(20);
    expect(notify).not.toHaveBeenCalled();
  });

  it('ignores the other events', () => {
    const { notify, observe } = setUp();
    observe('folder', { folder: '/inbox', canChooseFolder: true });
    observe('command', { id: COMMAND_LIST[0]!.id });
    observe('status', { pending: 0 });
    expect(notify).not.toHaveBeenCalled();
  });
});
