import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paced } from '../renderer/paced';

const INTERVAL_MS = 250;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('paced delivery', () => {
  it('delivers a value after a quiet interval at once, and of a burst only the latest, at the end of the interval', () => {
    const delivered: number[] = [];
    const pace = paced((value: number) => delivered.push(value), INTERVAL_MS);
    pace.push(1);
    expect(delivered).toEqual([1]);
    pace.push(2);
    vi.advanceTimersByTime(100);
    pace.push(3);
    expect(delivered).toEqual([1]);
    vi.advanceTimersByTime(150);
    expect(delivered).toEqual([1, 3]);
    vi.advanceTimersByTime(1000);
    pace.push(4);
    expect(delivered).toEqual([1, 3, 4]);
  });

  it('drops a delivery still waiting when cancelled', () => {
    const delivered: number[] = [];
    const pace = paced((value: number) => delivered.push(value), INTERVAL_MS);
    pace.push(1);
    pace.push(2);
    pace.cancel();
    vi.advanceTimersByTime(1000);
    expect(delivered).toEqual([1]);
  });

  it('for any pushes: deliveries an interval apart or more, in order, each push shown within an interval, the last one pushed last', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 400 }), { minLength: 1, maxLength: 60 }), (gaps) => {
        vi.setSystemTime(0);
        const deliveries: { value: number; at: number }[] = [];
        const pushedAt: number[] = [];
        const pace = paced((value: number) => deliveries.push({ value, at: performance.now() }), INTERVAL_MS);
        gaps.forEach((gap, value) => {
          vi.advanceTimersByTime(gap);
          pushedAt.push(performance.now());
          pace.push(value);
        });
        vi.advanceTimersByTime(INTERVAL_MS);
        expect(deliveries.at(-1)!.value).toBe(gaps.length - 1);
        deliveries.slice(1).forEach(({ value, at }, index) => {
          expect(at - deliveries[index]!.at).toBeGreaterThanOrEqual(INTERVAL_MS);
          expect(value).toBeGreaterThan(deliveries[index]!.value);
        });
        // Each value pushed, or a later one, is delivered within an interval.
        pushedAt.forEach((at, value) => {
          expect(deliveries.find((delivery) => delivery.value >= value)!.at - at).toBeLessThanOrEqual(INTERVAL_MS);
        });
      }),
    );
  });
});
