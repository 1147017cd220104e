import { describe, expect, it } from 'vitest';
import { searchClientOnStandIn } from './search-worker-stand-in';

/** Whether the promise has settled once pending callbacks have run. */
async function settled(promise: Promise<unknown> | null): Promise<boolean> {
  if (!promise) throw new Error('no search was waiting');
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe('waiting on a search typed at a start', () => {
  it('waits for nothing when nothing is asked', async () => {
    const { search } = searchClientOnStandIn();
    expect(search.untilAnswered()).toBeNull();
  });

  it('waits while the query has no match and the index is still loading, and ends with its first match', async () => {
    const { search, worker } = searchClientOnStandIn();
    search.ask('tokenizer transfer');
    const waiting = search.untilAnswered();
    worker.reply({ type: 'results', seq: 1, ids: [], terms: [] });
    worker.reply({ type: 'progress', indexed: 2000, total: 100_000, ready: false });
    expect(await settled(waiting)).toBe(false);
    worker.reply({ type: 'results', seq: 1, ids: ['arxiv:2405.07883'], terms: [] });
    expect(await settled(waiting)).toBe(true);
    expect(search.untilAnswered()).toBeNull();
  });

  it('ends when the whole index has found nothing, or the box is emptied, but not on an answer to an earlier query', async () => {
    const { search, worker } = searchClientOnStandIn();
    search.ask('nothing like this');
    const untilReady = search.untilAnswered();
    worker.reply({ type: 'progress', indexed: 100_000, total: 100_000, ready: true });
    expect(await settled(untilReady)).toBe(true);

    const other = searchClientOnStandIn();
    other.search.ask('token');
    other.search.ask('tokenizer');
    const untilEmptied = other.search.untilAnswered();
    other.worker.reply({ type: 'results', seq: 1, ids: ['arxiv:2405.07883'], terms: [] });
    expect(await settled(untilEmptied)).toBe(false);
    other.search.ask('');
    expect(await settled(untilEmptied)).toBe(true);
  });
});
