import { describe, expect, it } from 'vitest';
import { matchSnippet } from '../renderer/search/snippet';

const ABSTRACT =
  'Large language models are bound to the vocabulary they were trained with, which limits them in many ways that ' +
  'matter for multilingual use, for code and for specialised domains such as chemistry and biology. In this paper we ' +
  'study how the choice of a tokenizer shapes what a model can learn, and propose a way to swap it after training.';

describe('the list row snippet', () => {
  it('is the start of the abstract without a search', () => {
    expect(matchSnippet(ABSTRACT, [])).toBe(ABSTRACT.slice(0, 300));
  });

  it('is the start when the first match is already in it', () => {
    expect(matchSnippet(ABSTRACT, [{ term: 'vocabulary' }])).toBe(ABSTRACT.slice(0, 300));
  });

  it('shows the passage around a match deeper in the abstract, from a word boundary', () => {
    const snippet = matchSnippet(ABSTRACT, [{ term: 'tokenizer' }]);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet).toContain('tokenizer');
    expect(snippet.indexOf('tokenizer')).toBeLessThanOrEqual(81 + 'tokenizer'.length);
    expect(ABSTRACT).toContain(snippet.slice(1));
    expect(snippet[1]).not.toBe(' ');
    expect(ABSTRACT[ABSTRACT.indexOf(snippet.slice(1)) - 1]).toBe(' ');
  });
});
