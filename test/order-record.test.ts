import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packOrder, unpackOrder } from '../renderer/db/order-record';

describe('an order log record, packed', () => {
  it('gives back every id, with any characters, each with its sortKey, and the ids removed (property)', () => {
    const papers = fc.array(fc.tuple(fc.string({ unit: 'grapheme', minLength: 1 }), fc.constantFrom('2026-01-02', '2026-01-03', '')), { maxLength: 40 });
    fc.assert(
      fc.property(papers, fc.array(fc.string()), fc.nat(), (listed, removed, generation) => {
        const order = { ids: listed.map(([id]) => id), sortKeys: listed.map(([, sortKey]) => sortKey), removed };
        const record = packOrder(generation, order);
        expect(record.generation).toBe(generation);
        expect(unpackOrder(structuredClone(record))).toEqual(order);
      }),
    );
  });

  it('holds each run of papers sharing a sortKey once', () => {
    const record = packOrder(3, { ids: ['a', 'b', 'c', 'd'], sortKeys: ['2026-01-03', '2026-01-03', '2026-01-02', '2026-01-03'], removed: [] });
    expect(record.sortKeys).toEqual(['2026-01-03', '2026-01-02', '2026-01-03']);
    expect([...record.sortKeyRuns]).toEqual([2, 1, 1]);
  });

  it('refuses a record whose parts do not add up, naming its batch', () => {
    const record = packOrder(7, { ids: ['arxiv:2601.00001', 'arxiv:2601.00002'], sortKeys: ['2026-01-03', '2026-01-02'], removed: [] });
    expect(() => unpackOrder({ ...record, sortKeyRuns: Uint32Array.of(1, 2) })).toThrow(/order log is damaged: its record of batch 7/);
    expect(() => unpackOrder({ ...record, ids: `${record.ids}x` })).toThrow(/batch 7/);
    expect(() => packOrder(7, { ids: ['a'], sortKeys: [], removed: [] })).toThrow(/a sortKey for each of its 1 ids/);
  });
});
