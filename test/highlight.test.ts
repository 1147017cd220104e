import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { highlightRanges, type MatchTerm, type TextRange } from '../renderer/search/highlight';
import { normalizeTerm, tokenize } from '../renderer/search/query-syntax';
import { Highlighted } from '../renderer/ui/Highlighted';
import { parseFile } from './parse-file';
import { REAL_DIR, SEED_FILES, SEEDS_DIR } from './shared-paths';

const seedPapers = parseFile(SEEDS_DIR + SEED_FILES[0]).papers;
const paperTitled = (title: string) => seedPapers.find((paper) => paper.title === title)!;
const ZERO_SHOT = paperTitled('Zero-Shot Tokenizer Transfer');
const SEG_TITLE = 'Reasoning to Attend: Try to Understand How <SEG> Token Works';
const arxivPapers = parseFile(`${REAL_DIR}StringologyTimes/arxiv@11ba871_2024-07-20.xml`).papers;

const marked = (text: string, ranges: TextRange[]) => ranges.map(([start, end]) => text.slice(start, end));
const exact = (...terms: string[]): MatchTerm[] => terms.map((term) => ({ term }));

describe('highlightRanges', () => {
  it('marks whole words only, in a real title', () => {
    expect(highlightRanges(ZERO_SHOT.title, exact('tokenizer'))).toEqual([[10, 19]]);
    expect(highlightRanges(ZERO_SHOT.title, exact('tokeniz'))).toEqual([]);
  });

  it('marks the word inside markup-like text, not the brackets', () => {
    expect(marked(SEG_TITLE, highlightRanges(SEG_TITLE, exact('seg', 'token')))).toEqual(['SEG', 'Token']);
  });

  it('joins consecutive matched words that only punctuation separates, but not words a space or another word separates', () => {
    const query = exact('zero', 'shot', 'tokenizer');
    expect(marked(ZERO_SHOT.title, highlightRanges(ZERO_SHOT.title, query))).toEqual(['Zero-Shot', 'Tokenizer']);
    expect(highlightRanges(ZERO_SHOT.title, exact('zero'))).toEqual([[0, 4]]);
    const nextX = paperTitled('Beyond Next-Token: Next-X Prediction for Autoregressive Visual Generation').abstract;
    expect(marked(nextX, highlightRanges(nextX, exact('state', 'art')))).toEqual(['state', 'art', 'state', 'art']);
    const joined = marked(nextX, highlightRanges(nextX, exact('state', 'of', 'the', 'art'))).filter((range) => range.includes('-'));
    expect(joined).toEqual(['state-of-the-art', 'state-of-the-art']);
  });

  it('ignores accents either way, and marks the original characters', () => {
    const paper = arxivPapers.find((candidate) => candidate.authors.includes('Artur Jeż') && candidate.authors.includes('Paweł Gawrychowski'))!;
    const authors = paper.authors.join(', ');
    expect(authors).toBe('Paweł Gawrychowski, Artur Jeż, Andreas Maletti');
    const ranges = highlightRanges(authors, exact('pawel', 'gawrychowski', 'jez'));
    expect(marked(authors, ranges)).toEqual(['Paweł', 'Gawrychowski', 'Jeż']);
    const decomposed = 'Ivan Vulic\u0301 and Ivan Vulić';
    expect(highlightRanges(decomposed, exact('vulic'))).toEqual([[5, 11], [21, 26]]);
    expect(highlightRanges('Ivan Vulic', exact('Vulić'))).toEqual([[5, 10]]);
  });

  it('marks nothing for no terms or empty terms', () => {
    expect(highlightRanges(SEG_TITLE, [])).toEqual([]);
    expect(highlightRanges(SEG_TITLE, exact('', '\u0301'))).toEqual([]);
  });

  it('on any text, gives sorted disjoint ranges of exactly the matching words', () => {
    const words = fc.constantFrom('Zero', 'shot', 'Vulić', 'Vulic\u0301', 'tokenizer', 'SEG', 'x');
    const glue = fc.constantFrom(' ', '-', ', ', '<', '>', '\u0301', '');
    const text = fc.array(fc.oneof(words, glue, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 20 }).map((parts) => parts.join(''));
    const terms = fc.array(fc.record({ term: fc.oneof(words, fc.string({ maxLength: 3 })) }), { maxLength: 4 });
    fc.assert(
      fc.property(text, terms, (sample, sampleTerms) => {
        const ranges = highlightRanges(sample, sampleTerms);
        const matches = (word: string) =>
          sampleTerms.some(({ term }) => {
            const wanted = normalizeTerm(term);
            return wanted !== '' && normalizeTerm(word) === wanted;
          });
        ranges.forEach(([start, end], index) => {
          expect(start).toBeLessThan(end);
          expect(end).toBeLessThanOrEqual(sample.length);
          if (index > 0) expect(sample.slice(ranges[index - 1]![1], start)).toMatch(/[\s\p{L}\p{M}\p{N}]/u);
          expect(tokenize(sample.slice(start, end)).every(matches)).toBe(true);
        });
        const covered = (at: number) => ranges.some(([start, end]) => start <= at && at < end);
        for (const word of sample.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
          expect(covered(word.index)).toBe(matches(word[0]));
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('<Highlighted>', () => {
  const render = (text: string, terms: MatchTerm[]) => renderToStaticMarkup(createElement(Highlighted, { text, terms }));

  it('wraps the matched words in <mark> and keeps "<SEG>" as text', () => {
    expect(render(SEG_TITLE, exact('seg'))).toBe('Reasoning to Attend: Try to Understand How &lt;<mark>SEG</mark>&gt; Token Works');
    expect(render(ZERO_SHOT.title, exact('zero', 'shot', 'tokenizer'))).toBe('<mark>Zero-Shot</mark> <mark>Tokenizer</mark> Transfer');
  });

  it('renders the text alone when nothing matches', () => {
    expect(render(SEG_TITLE, [])).toBe('Reasoning to Attend: Try to Understand How &lt;SEG&gt; Token Works');
    expect(render('', exact('seg'))).toBe('');
  });
});
