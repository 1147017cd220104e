import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArxivRef } from '../shared/normalize/arxiv-id';
import { normalizeTerm, parseQuery, searchTerms, tokenize, type ParsedQuery } from '../renderer/search/query-syntax';
import { parseFile } from './parse-file';
import { REAL_DIR, SEED_FILES, SEEDS_DIR } from './shared-paths';

const NOTHING: ParsedQuery = {
  words: [],
  phrases: [],
  authors: [],
  categories: [],
  excluded: [],
  excludedCategories: [],
  arxivIds: [],
  lastWordIsPrefix: false,
};
const query = (parts: Partial<ParsedQuery>): ParsedQuery => ({ ...NOTHING, ...parts });

const seedTitles = parseFile(SEEDS_DIR + SEED_FILES[0]).papers.map((paper) => paper.title);
const arxivPapers = parseFile(`${REAL_DIR}StringologyTimes/arxiv@11ba871_2024-07-20.xml`).papers;

describe('tokenize and normalizeTerm', () => {
  it('splits real titles into runs of letters and digits', () => {
    expect(tokenize('Reasoning to Attend: Try to Understand How <SEG> Token Works')).toEqual([
      'Reasoning', 'to', 'Attend', 'Try', 'to', 'Understand', 'How', 'SEG', 'Token', 'Works',
    ]);
    expect(tokenize('Zero-Shot Tokenizer Transfer')).toEqual(['Zero', 'Shot', 'Tokenizer', 'Transfer']);
    expect(seedTitles.every((title) => tokenize(title).every((word) => /^[\p{L}\p{M}\p{N}]+$/u.test(word)))).toBe(true);
  });

  it('keeps a combining accent inside its word', () => {
    expect(tokenize('nai\u0308ve Vulic\u0301')).toEqual(['nai\u0308ve', 'Vulic\u0301']);
  });

  it('folds case and accents, composed or not, including letters NFD leaves whole', () => {
    expect(['Vulić', 'Vulic\u0301', 'VULIC'].map(normalizeTerm)).toEqual(['vulic', 'vulic', 'vulic']);
    expect(['Paweł', 'Jeż', 'Gørtz', 'Kärkkäinen', 'Straße'].map(normalizeTerm)).toEqual(['pawel', 'jez', 'gortz', 'karkkainen', 'strasse']);
    expect(searchTerms('\u0301 Köppl')).toEqual(['koppl']);
  });
});

describe('parseQuery', () => {
  it('reads nothing from an empty or blank query', () => {
    expect(parseQuery('')).toEqual(NOTHING);
    expect(parseQuery('  \t\n ')).toEqual(NOTHING);
  });

  it('reads every form in one query', () => {
    expect(parseQuery('author:vulic "zero shot" cat:cs.CL -vision tokeniz')).toEqual(
      query({
        authors: [['vulic']],
        phrases: [['zero', 'shot']],
        categories: ['cs.CL'],
        excluded: ['vision'],
        words: ['tokeniz'],
        lastWordIsPrefix: true,
      }),
    );
  });

  it('splits free words with the index tokenizer, lower-cased and accent-folded', () => {
    expect(parseQuery('Zero-Shot <SEG> Vulić')).toEqual(query({ words: ['zero', 'shot', 'seg', 'vulic'], lastWordIsPrefix: true }));
    const plainTitles = seedTitles.filter((title) => !/["':]|(^|\s)-/u.test(title));
    expect(plainTitles.length).toBeGreaterThan(10);
    for (const title of plainTitles) {
      expect(parseQuery(`${title} `).words).toEqual(searchTerms(title));
    }
  });

  it('reads quoted phrases, and an unclosed quote as a phrase to the end', () => {
    expect(parseQuery('"Zero-Shot Tokenizer" transfer ')).toEqual(query({ phrases: [['zero', 'shot', 'tokenizer']], words: ['transfer'] }));
    expect(parseQuery('tokenizer "zero shot')).toEqual(query({ words: ['tokenizer'], phrases: [['zero', 'shot']] }));
    expect(parseQuery('"a" "" "  "')).toEqual(query({ phrases: [['a']] }));
    expect(parseQuery('token"zero shot"transfer')).toEqual(
      query({ words: ['token', 'transfer'], phrases: [['zero', 'shot']], lastWordIsPrefix: true }),
    );
  });

  it('reads author:, au: and quoted full names, with accents folded', () => {
    expect(parseQuery('author:Vulić')).toEqual(query({ authors: [['vulic']] }));
    expect(parseQuery('AU:minixhofer Author:"Ivan Vulić"')).toEqual(query({ authors: [['minixhofer'], ['ivan', 'vulic']] }));
    expect(parseQuery('author:"Paweł Gawrychowski')).toEqual(query({ authors: [['pawel', 'gawrychowski']] }));
    expect(parseQuery('author: author:""')).toEqual(NOTHING);
  });

  it('finds a real author typed without accents', () => {
    const paper = arxivPapers.find((candidate) => candidate.authors.includes('Artur Jeż'))!;
    expect(paper.authors.map(searchTerms)).toContainEqual(parseQuery('author:"Artur Jez"').authors[0]);
  });

  it('keeps categories as typed, trimmed', () => {
    expect(parseQuery('cat:cs.CL CAT:math.OC cat:hep-th cat:" stat.ML "')).toEqual(
      query({ categories: ['cs.CL', 'math.OC', 'hep-th', 'stat.ML'] }),
    );
    expect(parseQuery('cat: cat:""')).toEqual(NOTHING);
  });

  it('excludes -term, -"phrase" and -cat:, but not a hyphen inside a word or a lone one', () => {
    expect(parseQuery('-vision -"Zero Shot" -author:Vulić -cat:cs.CV')).toEqual(
      query({ excluded: ['vision', 'zero', 'shot', 'vulic'], excludedCategories: ['cs.CV'] }),
    );
    expect(parseQuery('zero-shot - transfer')).toEqual(query({ words: ['zero', 'shot', 'transfer'], lastWordIsPrefix: true }));
    expect(parseQuery('transfer -')).toEqual(query({ words: ['transfer'] }));
  });

  it('reads an arXiv id pasted in any usual form, without version, and not as words', () => {
    const forms = [
      '2401.01234',
      '2401.01234v2',
      'arXiv:2401.01234v2',
      'arxiv: 2401.01234',
      '(arXiv:2401.01234),',
      'https://arxiv.org/abs/2401.01234v3',
      'arxiv.org/pdf/2401.01234v1.pdf',
      'https://huggingface.co/papers/2401.01234',
    ];
    for (const form of forms) expect(parseQuery(form), form).toEqual(query({ arxivIds: ['2401.01234'] }));
    for (const form of ['hep-th/9901001', 'hep-th/9901001v2', 'arXiv:hep-th/9901001', 'https://arxiv.org/abs/hep-th/9901001v1']) {
      expect(parseQuery(form), form).toEqual(query({ arxivIds: ['hep-th/9901001'] }));
    }
    expect(parseQuery('0704.0001 1412.9999')).toEqual(query({ arxivIds: ['0704.0001', '1412.9999'] }));
  });

  it('reads the ids of real papers from their links, ids and versioned ids', () => {
    const newStyle = arxivPapers.find((paper) => paper.arxivId && !paper.arxivId.includes('/'))!;
    const oldStyle = arxivPapers.find((paper) => paper.arxivId?.includes('/'))!;
    for (const paper of [newStyle, oldStyle]) {
      const id = paper.arxivId!;
      const pasted = `${paper.links.abs} ${paper.links.pdf} arXiv:${id}v2 ${id}`;
      expect(parseQuery(`tokenizer ${pasted}`)).toEqual(query({ words: ['tokenizer'], arxivIds: [id, id, id, id] }));
    }
  });

  it('takes numbers that are not real new-style ids as words', () => {
    expect(parseQuery('2401.0123').arxivIds).toEqual([]); // 4 digits after the dot only before 2015
    expect(parseQuery('1313.01234').words).toEqual(['1313', '01234']); // month 13
    expect(parseQuery('0612.1234').words).toEqual(['0612', '1234']); // before new-style ids began in 0704
    expect(parseQuery('1501.1234').words).toEqual(['1501', '1234']);
  });

  it('marks the last free word as a prefix only while it is being typed', () => {
    const prefix = (text: string) => parseQuery(text).lastWordIsPrefix;
    expect(prefix('tokeniz')).toBe(true);
    expect(prefix('zero-sh')).toBe(true);
    expect(prefix('author:vulic tokeniz')).toBe(true);
    expect(prefix('tokeniz ')).toBe(false);
    expect(prefix('zero-')).toBe(false);
    expect(prefix('"zero shot"')).toBe(false);
    expect(prefix('tokenizer "zero sh')).toBe(false);
    expect(prefix('tokeniz cat:cs.CL')).toBe(false);
    expect(prefix('tokeniz author:vul')).toBe(false);
    expect(prefix('tokeniz -vis')).toBe(false);
    expect(prefix('tokenizer 2401.01234')).toBe(false);
    expect(prefix('')).toBe(false);
  });
});

describe('parseQuery on any input', () => {
  const syntax = fc.constantFrom('"', '-', ' ', '  ', '\n', ':', 'author:', 'au:', 'CAT:', 'arXiv:', 'arxiv: ', 'cs.CL', '2401.01234', 'v2',
    'hep-th/9901001', 'https://arxiv.org/abs/', 'é', '\u0301', 'ł', 'İ', '<SEG>', 'token');
  const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
  const anyQuery = fc
    .array(fc.oneof(syntax, fc.string({ unit: 'binary', maxLength: 8 }), loneSurrogate), { maxLength: 30 })
    .map((parts) => parts.join(''));

  it('parses without throwing, the same way every time, into non-empty normalized terms', () => {
    fc.assert(
      fc.property(anyQuery, (text) => {
        const parsed = parseQuery(text);
        expect(parseQuery(text)).toEqual(parsed);
        const terms = [...parsed.words, ...parsed.phrases.flat(), ...parsed.authors.flat(), ...parsed.excluded];
        for (const term of terms) expect(normalizeTerm(term)).toBe(term);
        expect(terms.every((term) => term.length > 0)).toBe(true);
        expect([...parsed.phrases, ...parsed.authors].every((group) => group.length > 0)).toBe(true);
        expect([...parsed.categories, ...parsed.excludedCategories].every((category) => category === category.trim() && category !== '')).toBe(true);
        for (const id of parsed.arxivIds) expect(parseArxivRef(id)?.id).toBe(id);
        if (parsed.lastWordIsPrefix) expect(parsed.words.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('only stops treating the last word as a prefix when a space is typed after the query', () => {
    fc.assert(
      fc.property(anyQuery, fc.constantFrom(' ', '\n', '\t '), (text, space) => {
        const finished = parseQuery(text + space);
        expect(finished).toEqual({ ...parseQuery(text), lastWordIsPrefix: false });
        expect(finished.lastWordIsPrefix).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
