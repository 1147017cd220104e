import 'fake-indexeddb/auto';
import { act, useCallback } from 'react';
import { createRoot } from 'react-dom/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaperdropDatabase } from '../../renderer/db/database';
import type { SourceRecord } from '../../renderer/db/records';
import { useThrottledTableQuery } from '../../renderer/ui/use-throttled-table-query';

const INTERVAL_MS = 300;
const source = (file: number): SourceRecord => ({ hash: `h${file}`, file: `f${file}.xml`, format: 'rss', seenAt: new Date(file).toISOString(), paperCount: 1, errors: [] });

afterEach(() => {
  document.body.innerHTML = '';
});

/** Shows the count of `sources` as a throttled query reads it, each read taking `readMs` more; counts the reads. */
async function mountCount(db: PaperdropDatabase, intervalMs: number, readMs = 0) {
  const probe = { reads: 0, container: document.body.appendChild(document.createElement('div')) };
  function Probe() {
    const read = useCallback(async () => {
      probe.reads += 1;
      if (readMs > 0) await sleep(readMs);
      return db.sources.count();
    }, []);
    return <p>{useThrottledTableQuery(db, 'sources', read, intervalMs) ?? 'unread'}</p>;
  }
  const root = createRoot(probe.container);
  act(() => root.render(<Probe />));
  await vi.waitFor(() => expect(probe.container.textContent).toBe('0'));
  return { probe, unmount: () => act(() => root.unmount()) };
}

describe('a throttled table query', () => {
  it('reads at once, then at most once an interval while the table is written, ends as the table stands, and ignores other tables', async () => {
    const db = new PaperdropDatabase('throttled-table-query');
    const { probe, unmount } = await mountCount(db, INTERVAL_MS);

    const started = performance.now();
    for (let file = 0; file < 30; file += 1) await db.sources.put(source(file));
    const writing = performance.now() - started;
    await vi.waitFor(() => expect(probe.container.textContent).toBe('30'), { timeout: 2000 });
    // One read at start, then one per interval the writes spanned, and one after the last.
    expect(probe.reads).toBeLessThanOrEqual(2 + Math.ceil(writing / INTERVAL_MS));
    expect(probe.reads).toBeLessThan(30);

    const settled = probe.reads;
    await db.meta.put({ key: 'generation', value: 1 });
    await sleep(INTERVAL_MS * 2);
    expect(probe.reads).toBe(settled);
    unmount();
    await db.delete();
  });

  it('reads further apart when a read takes long, so that reading never takes more than a tenth of the time', async () => {
    const db = new PaperdropDatabase('throttled-table-query-slow');
    const READ_MS = 100;
    const intervalMs = 100;
    const { probe, unmount } = await mountCount(db, intervalMs, READ_MS);

    const started = performance.now();
    for (let file = 0; file < 30; file += 1) {
      await db.sources.put(source(file));
      await sleep(50);
    }
    const writing = performance.now() - started;
    await vi.waitFor(() => expect(probe.container.textContent).toBe('30'), { timeout: 5000 });
    // Reads at least ten reads' time apart: at most one per second the writes spanned, and one after the last.
    expect(probe.reads).toBeLessThanOrEqual(2 + Math.ceil(writing / (READ_MS * 10)));
    // The interval alone would have let through several times as many.
    expect(writing / intervalMs).toBeGreaterThan(2 * probe.reads);
    unmount();
    await db.delete();
  });
});
