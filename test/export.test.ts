import { parse as parseBibtex, type Entry } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { toBibtex } from '../renderer/export/bibtex';
import { baseCitationKey, citationKeys } from '../renderer/export/citation-keys';
import { EXPORT_FORMATS, exportFile, exportPapers } from '../renderer/export/export-file';
import { toJson } from '../renderer/export/json';
import { toMarkdown } from '../renderer/export/markdown';
import { toRis } from '../renderer/export/ris';
import type { Paper } from '../shared/paper';
import { parseFile } from './parse-file';
import { FEEDS_DIR, missingShared, SAMPLES_DIR, SHARED_DIR } from './shared-paths';

const sample = (name: string) => parseFile(SAMPLES_DIR + name).papers;
const one = (name: string) => sample(name)[0]!;

const libraries = new Map<string, Paper[]>();

/** Every paper of every sample and real feed in a feeds folder (test/fixtures/feeds, or ../shared/feeds), one record per id. */
function library(feeds: string): Paper[] {
  let papers = libraries.get(feeds);
  if (!papers) {
    const files = [
      ...readdirSync(`${feeds}samples`).map((name) => `${feeds}samples/${name}`),
      ...readdirSync(`${feeds}real`, { recursive: true, encoding: 'utf8' }).map((name) => `${feeds}real/${name}`),
    ].filter((path) => /\.(xml|json|jsonl|txt)$/.test(path));
    const byId = new Map<string, Paper>();
    for (const file of files) for (const paper of parseFile(file).papers) byId.set(paper.id, paper);
    papers = [...byId.values()];
    libraries.set(feeds, papers);
  }
  return papers;
}

/** Parsed back by a real BibTeX parser (the one behind Better BibTeX), which must find no error. */
function readBibtex(bibtex: string): Entry[] {
  const library = parseBibtex(bibtex, { sentenceCase: false, caseProtection: false });
  expect(library.errors).toEqual([]);
  return library.entries;
}

/** The parser's text in composed form, as Paperdrop stores text. */
function composed<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).normalize('NFC'));
}

/** Braces balance in every entry, escaped ones aside. */
function expectBalancedBraces(bibtex: string) {
  let depth = 0;
  let lowest = 0;
  for (const [, brace] of bibtex.matchAll(/\\[{}]|([{}])/g)) {
    if (brace === undefined) continue;
    depth += brace === '{' ? 1 : -1;
    lowest = Math.min(lowest, depth);
  }
  expect([lowest, depth]).toEqual([0, 0]);
}

describe('BibTeX', () => {
  test('an arXiv paper is @misc with eprint, archivePrefix, primaryClass and its arXiv DOI', () => {
    const paper = one('arxiv-rss1-rdf-legacy.xml');
    const [entry] = readBibtex(toBibtex([paper]));
    expect(entry!.type).toBe('misc');
    expect(entry!.key).toBe('xu2018new');
    expect(entry!.fields).toMatchObject({ eprint: '1805.06430', archiveprefix: 'arXiv', primaryclass: 'nucl-th', doi: '10.48550/arxiv.1805.06430', year: '2018' });
    expect(entry!.fields.title).toBe('New Perspective on Hybrid Mesons');
    expect(entry!.fields.author!.map((author) => [author.firstName, author.lastName])).toEqual([
      ['Shu-Sheng', 'Xu'], ['Zhu-Fang', 'Cui'], ['Lei', 'Chang'], ['Joannis', 'Papavassiliou'], ['Craig D.', 'Roberts'], ['Hong-Shi', 'Zong'],
    ]);
  });

  test('an old-style arXiv id and a journal DOI: @article in its journal, with the eprint fields too', () => {
    const paper = one('arxiv-api-atom-entry-affiliation-doi.xml');
    const [entry] = readBibtex(toBibtex([paper]));
    expect(entry!.type).toBe('article');
    expect(entry!.fields).toMatchObject({ journal: 'J. Chem. Phys. 115, 1626 (2001)', doi: '10.1063/1.1383585', eprint: 'cond-mat/0102536', primaryclass: 'cond-mat.str-el' });
  });

  test('journal feeds: @article with journal and DOI, no arXiv fields; accents in the journal survive', () => {
    const papers = [one('nature-rss1-rdf-shape.xml'), one('elsevier-atypon-rss1-prism.xml'), one('arxiv-rss2-2024.xml')];
    const entries = readBibtex(toBibtex(papers));
    expect(composed(entries.map((entry) => [entry.type, entry.fields.journal, entry.fields.doi]))).toEqual([
      ['article', 'Nature Catalysis', '10.1038/s41929-026-01535-6'],
      ['article', 'The Journal of Pediatrics 203, 68', '10.1016/j.jpeds.2018.08.009'],
      ['article', "Journal de l'École polytechnique - Mathématiques, Tome 11 (2024), pp. 431-472", '10.5802/jep.257'],
    ]);
    expect(entries[0]!.fields.eprint).toBeUndefined();
    expect(entries[1]!.fields.author!.find((author) => author.lastName === 'Widenfelt')).toMatchObject({ firstName: 'Erik', prefix: 'van' });
  });

  test('an arXiv paper without a date gets the year and month of its id', () => {
    const undated = (arxivId: string): Paper => ({ ...one('arxiv-rss1-rdf-legacy.xml'), arxivId, published: null });
    const entries = readBibtex(toBibtex([undated('2503.12999'), undated('hep-th/9901001')]));
    expect(entries.map((entry) => [entry.key, entry.fields.year])).toEqual([['xu2025new', '2025'], ['xu1999new', '1999']]);
    expect(readRis(toRis([undated('2503.12999')]))[0]!.issued).toEqual({ 'date-parts': [[2025, 3]] });
  });

  test('a preprint with only a DOI, and a title-only listing, are @misc', () => {
    const entries = readBibtex(toBibtex([one('biorxiv-rss1-rdf.xml'), one('hf-papers-page-plaintext.txt')]));
    expect(entries.map((entry) => [entry.type, entry.key, entry.fields.doi])).toEqual([
      ['misc', 'kukla2019microscale', '10.1101/857789'],
      ['misc', 'anon2026better', undefined],
    ]);
  });

  test('accents, braces, math and acronyms: ASCII output that reads back as written', () => {
    const paper: Paper = {
      ...one('arxiv-rss1-rdf-legacy.xml'),
      title: 'Ørsted {braces} and $O(n^2)$ bounds: 50% of BERT & GPT-4 in Zürich_x #1',
      authors: ['Ivan Vulić', 'Søren Ørsted', 'Zoë Müller-Lüdenscheidt', 'José María de la Cruz', 'ATLAS Collaboration', 'Łukasz', 'R&D {Team}', 'Tom and Jerry', '李明'],
    };
    const bibtex = toBibtex([paper]);
    // eslint-disable-next-line no-control-regex -- the whole ASCII range, which starts with the control characters
    expect(bibtex).toMatch(/^[\x00-\x7f]*$/);
    expectBalancedBraces(bibtex);
    const [entry] = readBibtex(bibtex);
    expect(entry!.key).toBe('vulic2018orsted');
    expect(composed(entry!.fields.title)).toBe(paper.title);
    expect(composed(entry!.fields.author!.map((author) => author.name ?? [author.firstName, author.prefix, author.lastName].filter(Boolean).join(' ')))).toEqual([
      'Ivan Vulić', 'Søren Ørsted', 'Zoë Müller-Lüdenscheidt', 'José María de la Cruz', 'ATLAS Collaboration', 'Łukasz', 'R&D {Team}', 'Tom and Jerry',
    ]);
    expect(bibtex).toContain('{\\L}ukasz');
  });

  test('names with a generation, and names written the PubMed way, keep their family name', () => {
    const paper: Paper = { ...one('arxiv-rss1-rdf-legacy.xml'), authors: ['Robert W. Heath, Jr.', 'Chen C', 'Smith JA', 'Martin Luther King Jr', 'Heath, Jr., Robert W.'] };
    const [entry] = readBibtex(toBibtex([paper]));
    expect(entry!.key).toMatch(/^heath/u);
    expect(entry!.fields.author!.map(({ lastName, firstName, suffix }) => [lastName, firstName, suffix])).toEqual([
      ['Heath', 'Robert W.', 'Jr.'],
      ['Chen', 'C.', undefined],
      ['Smith', 'J. A.', undefined],
      ['King', 'Martin Luther', 'Jr'],
      ['Heath', 'Robert W.', 'Jr.'],
    ]);
  });

  /** One entry each, unique ASCII keys, balanced braces, no parse error. */
  function expectReadableBibtex(papers: Paper[]) {
    expect(papers.length).toBeGreaterThan(200);
    const bibtex = toBibtex(papers);
    // eslint-disable-next-line no-control-regex -- the whole ASCII range, which starts with the control characters
    expect(bibtex).toMatch(/^[\x00-\x7f]*$/);
    expectBalancedBraces(bibtex);
    const entries = readBibtex(bibtex);
    expect(entries).toHaveLength(papers.length);
    expect(new Set(entries.map((entry) => entry.key)).size).toBe(papers.length);
    for (const [index, entry] of entries.entries()) {
      const paper = papers[index]!;
      expect(entry.type).toBe(paper.journalRef === null ? 'misc' : 'article');
      expect(entry.fields.eprint).toBe(paper.arxivId ?? undefined);
      expect(entry.fields.doi).toBe(paper.doi ?? undefined);
    }
  }

  test('every paper in the feed copies in test/fixtures: one entry each, unique ASCII keys, balanced braces, no parse error', () => {
    expectReadableBibtex(library(FEEDS_DIR));
  });

  // Some 8,000 papers and their 40,000-odd names through citation-js and a BibTeX parser: about 13 s
  // alone, and more beside the other suites on two cores.
  test.skipIf(missingShared('export writes BibTeX for every paper of every feed in ../shared/feeds'))(
    'every paper in ../shared: one entry each, unique ASCII keys, balanced braces, no parse error',
    { timeout: 120_000 },
    () => expectReadableBibtex(library(`${SHARED_DIR}feeds/`)),
  );

  test('any titles and authors give BibTeX the parser reads, one entry per paper', () => {
    const base = one('arxiv-rss1-rdf-legacy.xml');
    const paper = fc.record({
      id: fc.string(),
      title: fc.string({ unit: 'binary', maxLength: 80 }),
      authors: fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 4 }),
      journalRef: fc.option(fc.string({ unit: 'binary', maxLength: 40 })),
    });
    fc.assert(
      fc.property(fc.array(paper, { minLength: 1, maxLength: 5 }), (variants) => {
        const papers = variants.map((variant) => ({ ...base, ...variant }));
        const bibtex = toBibtex(papers);
        expectBalancedBraces(bibtex);
        const entries = readBibtex(bibtex);
        expect(entries).toHaveLength(papers.length);
        expect(new Set(entries.map((entry) => entry.key)).size).toBe(papers.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('citation keys', () => {
  test('surname, year and first title word, in ASCII; the same paper gets the same key in any export', () => {
    const papers = library(FEEDS_DIR);
    for (const key of citationKeys(papers)) expect(key).toMatch(/^[a-z0-9]+$/);
    const paper = one('elsevier-atypon-rss1-prism.xml');
    expect(baseCitationKey(paper)).toBe('ajibola2018hiv');
    expect(citationKeys([paper])).toEqual(['ajibola2018hiv']);
    expect(citationKeys([...papers.filter((other) => other.id !== paper.id).slice(0, 50), paper])).toContain('ajibola2018hiv');
  });

  test('clashing keys get a, b, c by paper id, whatever the order of the papers', () => {
    const base = one('arxiv-rss1-rdf-legacy.xml');
    const twins = ['arxiv:3', 'arxiv:1', 'arxiv:2'].map((id) => ({ ...base, id }));
    expect(citationKeys(twins)).toEqual(['xu2018newc', 'xu2018newa', 'xu2018newb']);
    expect(citationKeys([...twins].reverse())).toEqual(['xu2018newb', 'xu2018newa', 'xu2018newc']);
    const occupied = { ...base, id: 'arxiv:0', title: 'Newa thing' };
    expect(citationKeys([occupied, ...twins.slice(0, 2)])).toEqual(['xu2018newa', 'xu2018newc', 'xu2018newb']);
  });
});

/** RIS read back as CSL-JSON by citation-js's RIS input. */
const readRis = (ris: string) => new Cite(ris).data;

describe('RIS', () => {
  test('reads back through citation-js: types, DOI, journal, authors with accents, arXiv note', () => {
    const paper: Paper = { ...one('arxiv-rss1-rdf-legacy.xml'), authors: ['Ivan Vulić', 'Søren Ørsted'] };
    const papers = [paper, one('nature-rss1-rdf-shape.xml'), one('arxiv-rss2-2024.xml')];
    const read = readRis(toRis(papers));
    expect(read.map((item) => [item.type, item.DOI, item['container-title']])).toEqual([
      ['document', '10.48550/arxiv.1805.06430', undefined],
      ['article-journal', '10.1038/s41929-026-01535-6', 'Nature Catalysis'],
      ['article-journal', '10.5802/jep.257', "Journal de l'École polytechnique - Mathématiques, Tome 11 (2024), pp. 431-472"],
    ]);
    expect(read[0]!.author).toEqual([{ given: 'Ivan', family: 'Vulić' }, { given: 'Søren', family: 'Ørsted' }]);
    expect(read[0]!.note).toBe('arXiv:1805.06430 [nucl-th]');
    expect(read[0]!.title).toBe(paper.title);
  });

  test('any titles and authors give RIS that reads back with one record per paper', () => {
    const base = one('arxiv-rss1-rdf-legacy.xml');
    const paper = fc.record({ title: fc.string({ unit: 'binary', maxLength: 80 }), authors: fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(paper, { minLength: 1, maxLength: 4 }), (variants) => {
        const papers = variants.map((variant, index) => ({ ...base, ...variant, id: `arxiv:${index}` }));
        expect(readRis(toRis(papers))).toHaveLength(papers.length);
      }),
      { numRuns: 100 },
    );
  });

  test('no papers, no records', () => {
    expect(toRis([])).toBe('');
  });
});

describe('Markdown and JSON', () => {
  test('Markdown: the title links to the paper, then authors, then date, arXiv id and DOI', () => {
    const markdown = toMarkdown([one('arxiv-api-atom-entry-affiliation-doi.xml'), { ...one('hf-papers-page-plaintext.txt'), title: 'A *bold* [claim] <b>' }]);
    expect(markdown).toBe(
      '- **[Impact of Electron-Electron Cusp on Configuration Interaction Energies](<https://arxiv.org/abs/cond-mat/0102536>)**  \n' +
        '  David Prendergast, M. Nolan, J. C. Greer  \n' +
        '  2001-02-28 · [arXiv:cond-mat/0102536](<https://arxiv.org/abs/cond-mat/0102536>) · [doi:10.1063/1.1383585](<https://doi.org/10.1063/1.1383585>) · *J. Chem. Phys. 115, 1626 (2001)*\n' +
        '- **A \\*bold\\* \\[claim\\] \\<b\\>**  \n' +
        '  2026-03-25\n',
    );
  });

  test('JSON: a versioned document holding the papers as stored', () => {
    const papers = sample('arxiv-rss1-rdf-legacy.xml');
    const document = JSON.parse(toJson(papers, new Date('2026-12-05T10:00:00Z')));
    expect(document).toEqual({ format: 'paperdrop-papers', version: 1, exportedAt: '2026-12-05T10:00:00.000Z', papers });
  });
});

describe('export files', () => {
  test('file names and types per format, named for the view and the local date', () => {
    const day = new Date(2026, 11, 5, 23, 30);
    expect(EXPORT_FORMATS.map(({ format }) => exportFile(format, 'Starred', day))).toEqual([
      { fileName: 'paperdrop-starred-2026-12-05.bib', mimeType: 'application/x-bibtex' },
      { fileName: 'paperdrop-starred-2026-12-05.md', mimeType: 'text/markdown' },
      { fileName: 'paperdrop-starred-2026-12-05.json', mimeType: 'application/json' },
      { fileName: 'paperdrop-starred-2026-12-05.ris', mimeType: 'application/x-research-info-systems' },
    ]);
    expect(exportFile('bibtex', 'cat:cs.CL', day).fileName).toBe('paperdrop-cat-cs.cl-2026-12-05.bib');
    expect(exportFile('bibtex', 'Über «graph» / 2401.01234', day).fileName).toBe('paperdrop-uber-graph-2401.01234-2026-12-05.bib');
    expect(exportFile('bibtex', '…', day).fileName).toBe('paperdrop-papers-2026-12-05.bib');
  });

  test('exportPapers gives each format through its lazily loaded module', async () => {
    const papers = sample('arxiv-rss1-rdf-legacy.xml');
    const now = new Date('2026-12-05T10:00:00Z');
    expect(await exportPapers('bibtex', papers, now)).toBe(toBibtex(papers));
    expect(await exportPapers('ris', papers, now)).toBe(toRis(papers));
    expect(await exportPapers('markdown', papers, now)).toBe(toMarkdown(papers));
    expect(await exportPapers('json', papers, now)).toBe(toJson(papers, now));
  });
});
