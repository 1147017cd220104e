import { describe, expect, it } from 'vitest';
import { sortedTerms, TermDictionary } from '../renderer/search/term-dictionary';

/** A dictionary as saved: every term with its number, in one sorted chunk. */
function savedChunk(terms: readonly string[]) {
  return sortedTerms(terms.map((term, number) => [term, number] as const));
}

describe("a dictionary lent one segment's terms before its chunks are read", () => {
  const TERMS = ['graph', 'neural', 'network', 'language', 'model', 'transformer'];

  it('finds those terms, adds none meanwhile, and keeps their document counts once the chunks come', () => {
    const dictionary = new TermDictionary();
    // The segment holds terms 1 and 4, ascending, as a segment's terms are.
    dictionary.restoreEarly(['neural', 'model'], Int32Array.of(1, 4));
    dictionary.countDocuments(1, 3);
    dictionary.countDocuments(4, 2);
    expect([dictionary.numberOf('neural'), dictionary.numberOf('model'), dictionary.numberOf('graph')]).toEqual([1, 4, undefined]);
    expect(dictionary.treeComplete).toBe(false);
    expect(() => dictionary.numberFor('diffusion')).toThrow(/no term is added before/u);

    dictionary.restore([savedChunk(TERMS)]);
    expect(TERMS.map((term) => dictionary.numberOf(term))).toEqual([0, 1, 2, 3, 4, 5]);
    expect([dictionary.documentsHolding(1), dictionary.documentsHolding(4), dictionary.documentsHolding(0)]).toEqual([3, 2, 0]);
    expect(dictionary.numberFor('diffusion')).toBe(6);
    while (!dictionary.buildTree(Number.POSITIVE_INFINITY));
    expect(dictionary.treeComplete).toBe(true);
    expect([...dictionary.withPrefix('ne')].map(([term]) => term)).toEqual(['neural']);
  });

  it('refuses chunks that lack a term the segment lent, and a second early restore', () => {
    const dictionary = new TermDictionary();
    dictionary.restoreEarly(['transformer'], Int32Array.of(9));
    expect(() => dictionary.restoreEarly(['model'], Int32Array.of(4))).toThrow(/empty dictionary only/u);
    expect(() => dictionary.restore([savedChunk(TERMS)])).toThrow(/transformer is not among the saved ones/u);
  });
});
