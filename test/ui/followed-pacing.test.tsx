import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import type { StoredChange } from '../../renderer/db/records';
import { StoredChanges } from '../../renderer/sync/stored-changes';
import { AppContext, type AppServices } from '../../renderer/ui/app-context';
import { FOLLOW_INTERVAL_MS, useFollowed } from '../../renderer/ui/use-followed';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CHANGES = 40;
const GAP_MS = 10;
const readNone = async () => 0;
const countChange = (count: number, change: StoredChange) => count + change.written.length;
const oneWritten = { written: [{ id: 'p' }], removed: [] } as unknown as StoredChange;

describe('a followed value', () => {
  it('shows its first value at once, then, while batches stream in, a few times a second rather than once a batch, ending on the last', async () => {
    const changes = new StoredChanges();
    const shown: number[] = [];
    function Probe() {
      const count = useFollowed(readNone, countChange);
      if (count !== undefined) shown.push(count);
      return <p>{count}</p>;
    }
    const container = document.body.appendChild(document.createElement('div'));
    const root = createRoot(container);
    // useFollowed needs only the stored changes of the app's services.
    act(() => root.render(<AppContext value={{ changes } as AppServices}><Probe /></AppContext>));
    await vi.waitFor(() => expect(shown).toEqual([0]));

    const started = performance.now();
    for (let batch = 0; batch < CHANGES; batch += 1) {
      await act(async () => {
        changes.publish(oneWritten);
        await sleep(GAP_MS);
      });
    }
    const streaming = performance.now() - started;
    await vi.waitFor(() => expect(container.textContent).toBe(String(CHANGES)), { timeout: FOLLOW_INTERVAL_MS * 4 });
    expect(shown.at(-1)).toBe(CHANGES);
    // The first value, one per interval the stream spanned, and the last.
    expect(shown.length).toBeLessThanOrEqual(2 + Math.ceil(streaming / FOLLOW_INTERVAL_MS));
    act(() => root.unmount());
  });
});
