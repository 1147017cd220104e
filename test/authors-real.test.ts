import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RawAuthor } from '../shared/feeds/raw-record';
import { normaliseAuthors } from '../shared/normalize/authors';
import { decodeCharacterReferences, windows1252References } from '../shared/normalize/character-references';
import type { IngestBatch } from '../shared/paper';
import { parseFile, parseText } from './parse-file';
import { HAS_SHARED, missingShared, readFixture, SHARED_DIR } from './shared-paths';

const FIXTURES = new URL('./fixtures/authors/', import.meta.url);

function parseFixture(name: string): IngestBatch {
  const batch = parseText(readFileSync(new URL(name, FIXTURES), 'utf8'), name);
  expect(batch.errors).toEqual([]);
  return batch;
}

function paperTitled(batch: IngestBatch, title: string) {
  const paper = batch.papers.find((candidate) => candidate.title === title);
  if (paper === undefined) throw new Error(`no paper titled ${title} in ${batch.file}`);
  return paper;
}

const people = (...names: string[]): RawAuthor[] => names.map((name) => ({ name, affiliations: [] }));

describe('bioRxiv: one dc:creator of "Surname, Initials" pairs', () => {
  const batch = parseFixture('biorxiv-rdf-ten-authors.xml');

  it('is ten people, whatever their initials look like, and initials two people share are kept', () => {
    expect(paperTitled(batch, 'Ten people, two of them with initials that repeat').authors).toEqual([
      'Zhang, A.',
      'Li, J.',
      'Wang, J.',
      'Kim, I.-J.',
      'Smith, R. J.',
      'Garcia-Lopez, M.-C.',
      'Chen, R.J.',
      'Ivanov, Yu.',
      'Müller, A.',
      'Nguyen, T. T.',
    ]);
  });

  it('keeps namesakes: the same abbreviated name twice is two people', () => {
    expect(paperTitled(batch, 'Namesakes: two people written the same way').authors).toEqual(['Wang, Y.', 'Li, J.', 'Wang, Y.', 'Khetani, S. R.']);
  });

  it('keeps a consortium among the pairs, and a suffix with its person', () => {
    expect(paperTitled(batch, 'A consortium among the people, and a suffix').authors).toEqual([
      'Kukla, D.',
      'Crampton, A.',
      'Liver Organoid Consortium',
      'Wood, D., Jr.',
      'Khetani, S.',
    ]);
  });

  it('reads the real 2019 capture the same way', () => {
    const sample = parseText(readFixture('feeds/samples/biorxiv-rss1-rdf.xml'), 'biorxiv-rss1-rdf.xml');
    expect(sample.papers[0]!.authors).toEqual(['Kukla, D.', 'Crampton, A.', 'Wood, D.', 'Khetani, S.']);
  });
});

describe('PubMed: Vancouver names in one <author>', () => {
  const batch = parseFixture('pubmed-legacy-rss2.xml');

  it('splits "Chen C, Zhou Y, Watanabe H, et al." into three people and drops "et al."', () => {
    expect(paperTitled(batch, 'Hepatocyte organoids model drug-induced liver injury.').authors).toEqual(['Chen C', 'Zhou Y', 'Watanabe H']);
  });

  it('keeps one Vancouver name whole, and splits two', () => {
    expect(paperTitled(batch, 'A single-author commentary on liver models.').authors).toEqual(['Khetani SR']);
    expect(paperTitled(batch, 'Two authors in the Vancouver style.').authors).toEqual(['Kukla DA', 'van der Berg JW']);
  });
});

describe('character references in names', () => {
  it('decodes hex references left in the escaped HTML of legacy arXiv creators, in names and affiliations', () => {
    const batch = parseFixture('arxiv-rdf-escaped-names.xml');
    const hex = paperTitled(batch, 'Hex references in escaped names');
    expect(hex.authors).toEqual(['David Källberg', 'Gábor Székelyhidi']);
    expect(hex.affiliations).toEqual({ 'Gábor Székelyhidi': ['Rényi Institute, Budapest'] });
    expect(paperTitled(batch, 'Named and decimal references in escaped names').authors).toEqual(['David Källberg', 'Gábor Székelyhidi']);
  });

  it('does not let the semicolon of a reference separate names in a joined creator', () => {
    const batch = parseFixture('rss2-joined-escaped-creator.xml');
    expect(batch.papers[0]!.authors).toEqual(['David Källberg', 'Gábor Székelyhidi', 'Ana Li']);
  });

  it.each([
    ['K&#xe4;llberg', 'Källberg'],
    ['K&#XE4;llberg', 'Källberg'],
    ['G&#225;bor', 'Gábor'],
    ['Sz&eacute;kelyhidi', 'Székelyhidi'],
    ['K&amp;#xe4;llberg', 'Källberg'],
    ['K&amp;amp;#xe4;llberg', 'Källberg'],
    ['O&rsquo;Neil', 'O’Neil'],
    ['Jean&#150;Paul', 'Jean–Paul'],
    ['bad&#0;zero', 'bad\ufffdzero'],
    ['&#xd800;', '\ufffd'],
    ['&bogus; stays', '&bogus; stays'],
    ['Texas A&M', 'Texas A&M'],
    ['AT&T Labs', 'AT&T Labs'],
    ['no reference', 'no reference'],
  ])('decodes %s → %s', (text, decoded) => {
    expect(decodeCharacterReferences(text)).toBe(decoded);
  });

  it.each([
    ['don&#146;t', 'don&#x2019;t'],
    ['&#x93;quoted&#x94; &#150; dash', '&#x201c;quoted&#x201d; &#x2013; dash'],
    ['&#129; is unassigned', '&#129; is unassigned'],
    ['&#8217; and &#160; stay', '&#8217; and &#160; stay'],
  ])('in HTML, writes windows-1252 references as the characters they mean: %s → %s', (html, written) => {
    expect(windows1252References(html)).toBe(written);
  });
});

describe('author entries of a JSON Feed', () => {
  const batch = parseFixture('jsonfeed-author-entries.json');

  it.each([
    ['Surname, Given', ['Smith, John']],
    ['A suffix', ['Heath, Robert W., Jr.']],
    ['Compound surname, two given names', ['Garcia Marquez, Gabriel Jose']],
    ['Vancouver style with et al.', ['Chen C', 'Zhou Y', 'Watanabe H']],
    ['Full names joined', ['Ana Li', 'Bo Wu', 'Cy Ng']],
    ['Escaped and repeated', ['David Källberg', 'Kalipada Koner']],
    ['Surname, initials entries', ['Kukla, D.', 'Crampton, A.']],
  ])('%s', (title, authors) => {
    expect(paperTitled(batch, title).authors).toEqual(authors);
  });
});

describe('normaliseAuthors', () => {
  it.each<[string, string, string[]]>([
    ['arXiv full names, "and" before the last', 'Ana Li, Bo Wu and Cy Ng', ['Ana Li', 'Bo Wu', 'Cy Ng']],
    ['single letters', 'A, B and C', ['A', 'B', 'C']],
    ['an Oxford comma', 'Ana Li, Bo Wu, and Cy Ng', ['Ana Li', 'Bo Wu', 'Cy Ng']],
    ['semicolons', 'Ana Li; Bo Wu; Cy Ng', ['Ana Li', 'Bo Wu', 'Cy Ng']],
    ['semicolons between "Surname, Given"', 'Smith, John; Doe, Jane', ['Smith, John', 'Doe, Jane']],
    ['semicolons and a last "and"', 'Smith, J.; Doe, A. and Roe, B.', ['Smith, J.', 'Doe, A.', 'Roe, B.']],
    ['bioRxiv pairs', 'Kukla, D., Crampton, A., Wood, D., Khetani, S.', ['Kukla, D.', 'Crampton, A.', 'Wood, D.', 'Khetani, S.']],
    ['bioRxiv pairs, "and" before the last', 'Kukla, D., Crampton, A. and Wood, D.', ['Kukla, D.', 'Crampton, A.', 'Wood, D.']],
    ['pairs with hyphenated and multiple initials', 'Kim, I.-J., Smith, R. J., Chen, R.J., Roy, M.-C.', ['Kim, I.-J.', 'Smith, R. J.', 'Chen, R.J.', 'Roy, M.-C.']],
    ['pairs with initials two people share', 'Li, J., Wang, J.', ['Li, J.', 'Wang, J.']],
    ['pairs without dots', 'Kukla, D, Crampton, AB', ['Kukla, D', 'Crampton, AB']],
    ['Vancouver, cut by et al.', 'Chen C, Zhou Y, Watanabe H, et al.', ['Chen C', 'Zhou Y', 'Watanabe H']],
    ['"et al" without a dot', 'Ana Li, Bo Wu, et al', ['Ana Li', 'Bo Wu']],
    ['"and others"', 'Ana Li, Bo Wu and others', ['Ana Li', 'Bo Wu']],
    ['"et al." after the last name', 'Haenig C. et al.', ['Haenig C.']],
    ['one person, surname first', 'Smith, John', ['Smith, John']],
    ['one person, surname first with a middle initial', 'Heath, Robert W.', ['Heath, Robert W.']],
    ['one person with a particle', 'van der Berg, Jan', ['van der Berg, Jan']],
    ['a suffix', 'Robert W. Heath, Jr., Ana Li', ['Robert W. Heath, Jr.', 'Ana Li']],
    ['arXiv lists a person by initials only', 'Yiping Bao, M. C., Jianfeng Cai', ['Yiping Bao', 'M. C.', 'Jianfeng Cai']],
    ['a one-word name first', 'Mausam, Daniel Weld', ['Mausam', 'Daniel Weld']],
    ['references decoded before splitting', 'David K&#xe4;llberg, Ana Li', ['David Källberg', 'Ana Li']],
    ['a name said twice in full', 'Ana Li, Bo Wu, Ana Li', ['Ana Li', 'Bo Wu']],
  ])('splits a joined string: %s', (_case, joined, names) => {
    expect(normaliseAuthors(joined).names).toEqual(names);
  });

  it('keeps affiliations in parentheses apart, semicolons and commas in them included', () => {
    expect(normaliseAuthors('Ana Li (Dept. of Physics; MIT, Cambridge), Bo Wu')).toEqual({
      names: ['Ana Li', 'Bo Wu'],
      affiliations: { 'Ana Li': ['Dept. of Physics; MIT, Cambridge'] },
    });
  });

  it.each<[string, RawAuthor[], string[]]>([
    ['"Surname, Given"', people('Smith, John'), ['Smith, John']],
    ['a compound surname and two given names', people('Garcia Marquez, Gabriel Jose'), ['Garcia Marquez, Gabriel Jose']],
    ['two full names with one comma, which "Surname, Given" could be', people('Ana Li, Bo Wu'), ['Ana Li, Bo Wu']],
    ['"Surname, Given" with a suffix', people('Heath, Robert W., Jr.'), ['Heath, Robert W., Jr.']],
    ['a name and its suffix', people('Robert W. Heath, Jr.'), ['Robert W. Heath, Jr.']],
    ['surname and initials', people('Kukla, D.'), ['Kukla, D.']],
    ['surname and initials without a dot', people('Smith, J'), ['Smith, J']],
    ['two single words', people('Li, Wang'), ['Li, Wang']],
    ['an "and" inside a name', people('Department of Physics and Astronomy'), ['Department of Physics and Astronomy']],
    ['parentheses in a name', people('Yang (Leo) Liu'), ['Yang (Leo) Liu']],
    ['one name and "et al."', people('Vaswani et al.'), ['Vaswani']],
  ])('keeps one entry whole: %s', (_case, entries, names) => {
    expect(normaliseAuthors(entries).names).toEqual(names);
  });

  it.each<[string, RawAuthor[], string[]]>([
    ['Vancouver names', people('Chen C, Zhou Y'), ['Chen C', 'Zhou Y']],
    ['Vancouver names and et al.', people('Chen C, Zhou Y, Watanabe H, et al.'), ['Chen C', 'Zhou Y', 'Watanabe H']],
    ['bioRxiv pairs', people('Kukla, D., Crampton, A.'), ['Kukla, D.', 'Crampton, A.']],
    ['three full names', people('Ana Li, Bo Wu, Cy Ng'), ['Ana Li', 'Bo Wu', 'Cy Ng']],
    ['two full names and "and"', people('Ana Li and Bo Wu'), ['Ana Li', 'Bo Wu']],
    ['semicolons', people('Smith, J.; Doe, A.'), ['Smith, J.', 'Doe, A.']],
    ['initials first', people('J. Smith, A. Doe'), ['J. Smith', 'A. Doe']],
  ])('splits one entry that lists people: %s', (_case, entries, names) => {
    expect(normaliseAuthors(entries).names).toEqual(names);
  });

  it('keeps one of a full name listed twice, and both of an abbreviated one', () => {
    expect(normaliseAuthors(people('Kalipada Koner', 'Jason S. Adams', 'Kalipada Koner')).names).toEqual(['Kalipada Koner', 'Jason S. Adams']);
    expect(normaliseAuthors(people('Wang, Y.', 'Li, J.', 'Wang, Y.')).names).toEqual(['Wang, Y.', 'Li, J.', 'Wang, Y.']);
  });

  it("gives an entry's own affiliations to each person it lists", () => {
    expect(normaliseAuthors([{ name: 'Ana Li, Bo Wu and Cy Ng (MIT)', affiliations: ['CERN'] }])).toEqual({
      names: ['Ana Li', 'Bo Wu', 'Cy Ng'],
      affiliations: { 'Ana Li': ['CERN'], 'Bo Wu': ['CERN'], 'Cy Ng': ['MIT', 'CERN'] },
    });
  });
});

describe.skipIf(missingShared('authors-real checks the names in every file in ../shared/feeds'))('every file in ../shared/feeds', () => {
  const FEEDS_DIR = join(SHARED_DIR, 'feeds');
  const feedFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return feedFiles(path);
      return name.endsWith('.md') ? [] : [path];
    });
  const BARE_INITIALS = /^(?:\p{Lu}\p{Ll}?\.[\s-]*)+$/u;
  const CHARACTER_REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/iu;
  // The source itself lists this person by initials only (arXiv 2607.24653, the Kimi Team list).
  const LISTED_BY_INITIALS = new Set(['M. C.']);

  it.each(HAS_SHARED ? feedFiles(FEEDS_DIR).map((path) => relative(FEEDS_DIR, path)) : [])('%s: names are whole, decoded people', (file) => {
    const batch = parseFile(join(FEEDS_DIR, file), { name: file });
    for (const paper of batch.papers) {
      const texts = [...paper.authors, ...Object.values(paper.affiliations).flat()];
      expect(texts.filter((text) => CHARACTER_REFERENCE.test(text))).toEqual([]);
      const fragments = paper.authors.filter((name) => (BARE_INITIALS.test(name) && !LISTED_BY_INITIALS.has(name)) || /^(?:et al\.?|and\s|others$)/iu.test(name));
      expect(fragments, paper.id).toEqual([]);
    }
  });
});
