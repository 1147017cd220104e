import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../shared/feeds/errors';
import { arxivAtom } from '../../shared/feeds/formats/arxiv-atom';
import { arxivRdf } from '../../shared/feeds/formats/arxiv-rdf';
import { arxivRss } from '../../shared/feeds/formats/arxiv-rss';
import type { FormatParser, RawRecord } from '../../shared/feeds/raw-record';
import { FIXTURES_DIR, missingShared, readFixture as read, readShared, SEED_FILES, SHARED_DIR } from '../shared-paths';

const context = { modifiedAt: new Date('2025-06-05T12:00:00Z') };
const parseFile = (parser: FormatParser, path: string) => parser.parse(read(path), context);

const RSS_SAMPLE = 'feeds/samples/arxiv-rss2-2024.xml';
const ATOM_SAMPLE = 'feeds/samples/arxiv-atom-2024.xml';
const RDF_SAMPLE = 'feeds/samples/arxiv-rss1-rdf-legacy.xml';
const FILTER_FEED = 'feeds/real/arxiv-rss-filter/feed@11c67e9_2025-06-04.xml';
const FILTER_CACHE = 'feeds/real/arxiv-rss-filter/rss_cache@11c67e9_2025-06-04.json';
const API_SAMPLE_WITH_AFFILIATIONS = 'feeds/samples/arxiv-api-atom-entry-affiliation-doi.xml';

function only(records: RawRecord[]): RawRecord {
  expect(records).toHaveLength(1);
  return records[0]!;
}

/** The whole feed and cache of the filter are in ../shared; test/fixtures holds their first items. */
const NO_WHOLE_FILTER = missingShared('arxiv-feeds counts and checks every item of the whole arxiv-rss-filter feed in ../shared/feeds/real');

describe('arxiv-rss: rss.arxiv.org RSS 2.0', () => {
  it('reads the sample item', () => {
    const { records, problems } = parseFile(arxivRss, RSS_SAMPLE);
    expect(problems).toEqual([]);
    const record = only(records);
    expect(record).toMatchObject({
      title: 'Mass concentration in rescaled first order integral functionals',
      titleIsMarkup: false,
      abstractIsHtml: false,
      authors: 'Antonin Monteil, Paul Pegon',
      published: 'Fri, 23 Aug 2024 00:00:00 -0400',
      updated: null,
      identifiers: ['oai:arXiv.org:2203.01250v3', 'arXiv:2203.01250v3', 'https://arxiv.org/abs/2203.01250', '10.5802/jep.257'],
      link: 'https://arxiv.org/abs/2203.01250',
      pdfLink: null,
      doi: '10.5802/jep.257',
      journalRef: "Journal de l'\\'Ecole polytechnique - Math\\'ematiques, Tome 11 (2024), pp. 431-472",
      categories: ['math.AP', 'math.OC'],
      announceType: 'replace-cross',
      isArxivSource: true,
    });
    expect(record.abstract).toMatch(/^We consider first order local minimization problems of the form \$\\min \\int_/u);
    expect(record.abstract).toMatch(/related to the approximation of branched transport by elliptic energies\.$/u);
  });

  it.skipIf(NO_WHOLE_FILTER)('reads the re-published arxiv-rss-filter feed, keeping its repeated listings', () => {
    const { records, problems } = arxivRss.parse(readShared(FILTER_FEED), context);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(723);
    const arxivIds = records.map((record) => record.identifiers.find((id) => id.startsWith('arXiv:')));
    expect(arxivIds.every(Boolean)).toBe(true);
    // 19 papers matched both of the filter's research topics and are listed twice.
    expect(new Set(arxivIds).size).toBe(704);
  });

  it('drops the filter\'s note before arXiv\'s text and reads the id out of its doubled guid', () => {
    const { records } = parseFile(arxivRss, FILTER_FEED);
    const matrix = records.find((record) => record.title === 'Matrix Is All You Need')!;
    expect(matrix).toMatchObject({
      authors: 'Yuzhou Zhu',
      published: 'Wed, 04 Jun 2025 00:00:00 -0400',
      identifiers: ['oai:arXiv.org:oai:arXiv.org:2506.01966v1', 'arXiv:2506.01966v1', 'https://arxiv.org/abs/2506.01966'],
      link: 'https://arxiv.org/abs/2506.01966',
      announceType: 'new',
      isArxivSource: true,
    });
    // The filter writes its own research topic where arXiv writes categories; it is copied as given.
    expect(matrix.categories).toHaveLength(1);
    expect(matrix.categories[0]).toMatch(/^我关注的研究话题是多模态大模型/u);
    expect(matrix.abstract).toMatch(/^Deep neural networks employ specialized architectures for vision/u);
    expect(matrix.abstract).toMatch(/opens avenues for principled, hardware-aware network design\.$/u);
  });

  it.skipIf(NO_WHOLE_FILTER)('takes the announce type from arXiv\'s description, not the filter\'s arxiv:announce_type (always "new")', () => {
    const { records } = arxivRss.parse(readShared(FILTER_FEED), context);
    const last = records.at(-1)!;
    expect(last.title).toBe("Datasheets Aren't Enough: DataRubrics for Automated Quality Metrics and Accountability");
    expect(last.announceType).toBe('replace-cross');
    const counts: Record<string, number> = {};
    for (const record of records) counts[record.announceType ?? 'none'] = (counts[record.announceType ?? 'none'] ?? 0) + 1;
    expect(counts).toEqual({
      new: 341,
      replace: 252,
      cross: 80,
      'replace-cross': 50,
    });
  });

  it.skipIf(NO_WHOLE_FILTER)('agrees with the arXiv entries the filter cached from rss.arxiv.org at the same commit', () => {
    const cache = JSON.parse(readShared(FILTER_CACHE)) as Record<string, { entries: { id: string; title: string; summary: string; author: string }[] }>;
    const original = new Map(Object.values(cache).flatMap((feed) => feed.entries.map((entry) => [entry.id, entry] as const)));
    const { records } = arxivRss.parse(readShared(FILTER_FEED), context);
    const mismatches = records.filter((record) => {
      const entry = original.get(record.identifiers[0]!.replace(/^oai:arXiv\.org:/u, ''));
      return (
        entry === undefined ||
        entry.title !== record.title ||
        entry.author !== record.authors ||
        entry.summary.split('\nAbstract: ')[1]!.trim() !== record.abstract
      );
    });
    expect(mismatches.map((record) => record.title)).toEqual([]);
  });

  it('skips an item without a title and says so', () => {
    const text = read(RSS_SAMPLE).replace(/<title>Mass concentration[^<]*<\/title>/u, '');
    expect(arxivRss.parse(text, context)).toEqual({ records: [], problems: ['Entry 1 (oai:arXiv.org:2203.01250v3) has no title and was skipped.'] });
  });
});

describe('arxiv-atom: rss.arxiv.org Atom', () => {
  it('reads the sample entry', () => {
    const { records, problems } = parseFile(arxivAtom, ATOM_SAMPLE);
    expect(problems).toEqual([]);
    expect(only(records)).toEqual({
      title: 'Mass concentration in rescaled first order integral functionals',
      titleIsMarkup: false,
      abstract: 'We consider first order local minimization problems of the form $\\min \\int_{\\mathbb{R}^N}f(u,\\nabla u)$ under a mass constraint $\\int_{\\mathbb{R}^N}u=m$. (abridged)',
      abstractIsHtml: false,
      authors: 'Antonin Monteil, Paul Pegon',
      published: '2024-08-23T00:00:00-04:00',
      updated: '2024-02-23T16:08:30.942190+00:00',
      identifiers: ['oai:arXiv.org:2203.01250v3', 'arXiv:2203.01250v3', 'https://arxiv.org/abs/2203.01250', '10.5802/jep.257'],
      link: 'https://arxiv.org/abs/2203.01250',
      pdfLink: null,
      doi: '10.5802/jep.257',
      categories: ['math.AP', 'math.OC'],
      primaryCategory: null,
      comment: null,
      // feedsmith reads arxiv:journal_ref (the API's name); the listing's arxiv:journal_reference comes from the second read.
      journalRef: "Journal de l'\\'Ecole polytechnique - Math\\'ematiques, Tome 11 (2024), pp. 431-472",
      announceType: 'replace-cross',
      isArxivSource: true,
    });
  });

  it('reads the arXiv extension elements of an entry: authors with affiliations, pdf link, comment, journal ref', () => {
    const record = only(parseFile(arxivAtom, API_SAMPLE_WITH_AFFILIATIONS).records);
    expect(record).toMatchObject({
      authors: [
        { name: 'David Prendergast', affiliations: ['Department of Physics'] },
        { name: 'M. Nolan', affiliations: ['NMRC, University College, Cork, Ireland'] },
        { name: 'J. C. Greer', affiliations: ['NMRC, University College, Cork, Ireland'] },
      ],
      link: 'http://arxiv.org/abs/cond-mat/0102536v1',
      pdfLink: 'http://arxiv.org/pdf/cond-mat/0102536v1',
      doi: '10.1063/1.1383585',
      primaryCategory: 'cond-mat.str-el',
      comment: '11 pages, 6 figures, 3 tables, LaTeX209, submitted to The Journal of Chemical Physics',
      journalRef: 'J. Chem. Phys. 115, 1626 (2001)',
      announceType: null,
    });
    expect(record.identifiers).toContain('http://dx.doi.org/10.1063/1.1383585');
  });
});

describe('arxiv-rdf: legacy export.arxiv.org RSS 1.0', () => {
  const { records, problems } = parseFile(arxivRdf, RDF_SAMPLE);

  it('reads the id, primary category and listing marker out of each title', () => {
    expect(problems).toEqual([]);
    expect(records.map((record) => [record.title, record.identifiers, record.primaryCategory, record.categories, record.announceType])).toEqual([
      ['Measurement of Transverse Single Spin Asymmetries', ['http://arxiv.org/abs/1805.08875', 'arXiv:1805.08875v1'], 'hep-ex', ['hep-ex'], 'new'],
      ['Recent Top quark results from the Tevatron', ['http://arxiv.org/abs/1805.09166', 'arXiv:1805.09166v1'], 'hep-ex', ['hep-ex'], 'cross'],
      ['New Perspective on Hybrid Mesons', ['http://arxiv.org/abs/1805.06430', 'arXiv:1805.06430v2'], 'nucl-th', ['nucl-th'], 'replace'],
    ]);
  });

  it('passes the description on as HTML, unescaped once', () => {
    const first = records[0]!;
    expect(first).toMatchObject({ abstractIsHtml: true, isArxivSource: true, link: 'http://arxiv.org/abs/1805.08875' });
    expect(first.abstract).toMatch(/^<p>In 2015 the first collisions between polarized protons and nuclei occurred at\n/u);
    expect(first.abstract).toContain('forward psuedorapidity range of $2.6&lt;\\eta&lt;4$.');
    expect(first.abstract).toMatch(/This talk will compare these dependences to those in \$p\+A\$\nproduction\.\n<\/p>$/u);
  });

  it('reads author names and affiliations out of the creator links', () => {
    expect(records[0]!.authors).toEqual([{ name: 'Christopher Dilks', affiliations: ['STAR Collaboration'] }]);
    expect(records[2]!.authors).toEqual(
      ['Shu-Sheng Xu', 'Zhu-Fang Cui', 'Lei Chang', 'Joannis Papavassiliou', 'Craig D. Roberts', 'Hong-Shi Zong'].map((name) => ({ name, affiliations: [] })),
    );
  });

  it('dates undated items by the listing day in the channel', () => {
    expect(records.map((record) => record.published)).toEqual(Array(3).fill('2018-05-23T20:30:00-05:00'));
  });
});

describe('failures', () => {
  it('turns a file feedsmith cannot read into a FeedParseError naming the format', () => {
    const json = read('feeds/samples/hf-daily-papers.json');
    expect(() => arxivRss.parse(json, context)).toThrow(FeedParseError);
    expect(() => arxivAtom.parse(json, context)).toThrow(/not a readable arXiv Atom feed/u);
    expect(() => arxivRdf.parse(json, context)).toThrow(/not a readable legacy arXiv RSS 1\.0 feed/u);
  });

  it('never expands entities declared in a doctype, and refuses external ones', () => {
    const doctype = `<!DOCTYPE rss [
      <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
      <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
      <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
      <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
    ]>`;
    const bomb = read(RSS_SAMPLE).replace('<rss ', `${doctype}\n<rss `).replace('<title>Mass concentration', '<title>&d;&d;&d; Mass concentration');
    expect(arxivRss.detect(bomb)).toBe(true);
    expect(only(arxivRss.parse(bomb, context).records).title).toBe('&d;&d;&d; Mass concentration in rescaled first order integral functionals');

    const external = read(RSS_SAMPLE).replace('<rss ', '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<rss ');
    expect(() => arxivRss.parse(external, context)).toThrow(FeedParseError);
  });
});

describe('detection', () => {
  const parsers = [arxivRss, arxivAtom, arxivRdf];
  const own: Record<string, string> = {
    [RSS_SAMPLE]: 'arxiv-rss',
    [FILTER_FEED]: 'arxiv-rss',
    [ATOM_SAMPLE]: 'arxiv-atom',
    [RDF_SAMPLE]: 'arxiv-rdf',
  };
  // Every feed, sample, seed and parser-suite file: the other arXiv formats (API Atom, OAI-PMH, feedparser
  // caches), Hugging Face JSON, RSS and page text, the generic feed test corpora. The copies in test/fixtures
  // always; everything beside the repository when ../shared is there.
  const corpora = [
    { name: 'the copies in test/fixtures', root: FIXTURES_DIR, dirs: ['feeds', 'parser-suites'], atLeast: 50, skip: false },
    { name: '../shared', root: SHARED_DIR, dirs: ['feeds', 'fixtures'], atLeast: 300, skip: missingShared('arxiv-feeds runs its detectors over every file in ../shared') },
  ];
  for (const { name, root, dirs, atLeast, skip } of corpora) {
    describe.skipIf(skip)(`over ${name}`, () => {
      const files = skip
        ? []
        : dirs.flatMap((dir) =>
            readdirSync(root + dir, { recursive: true, withFileTypes: true })
              .filter((entry) => entry.isFile())
              .map((entry) => `${entry.parentPath}/${entry.name}`.slice(root.length)),
          );

      it('covers the corpus it claims to', () => {
        const expected = [...Object.keys(own), 'feeds/samples/arxiv-api-atom.xml', 'feeds/samples/hf-daily-papers.json', `${dirs[1]}/rss-parser/test/input/rss-1.rss`];
        expect(files).toEqual(expect.arrayContaining([...expected, ...SEED_FILES.map((seed) => `feeds/seeds/${seed}`)]));
        expect(files.length).toBeGreaterThan(atLeast);
      });

      it('each arXiv detector claims exactly its own files', () => {
        const wrong = files.flatMap((file) => {
          const text = readFileSync(root + file, 'utf8');
          const claimedBy = parsers.filter((parser) => parser.detect(text)).map((parser) => parser.format);
          const expected = own[file] === undefined ? [] : [own[file]];
          return claimedBy.join() === expected.join() ? [] : [{ file, claimedBy, expected }];
        });
        expect(wrong).toEqual([]);
      });
    });
  }

  it('looks past a byte-order mark, comments and a doctype to the root element', () => {
    const rss = read(RSS_SAMPLE).replace("<?xml version='1.0' encoding='UTF-8'?>", '\uFEFF<?xml version="1.0"?>\n<!DOCTYPE rss>');
    expect(arxivRss.detect(rss)).toBe(true);
    expect(arxivAtom.detect(rss)).toBe(false);
  });

  it('finds a legacy RDF feed whose channel lists hundreds of items before the first one', () => {
    const items = Array.from({ length: 400 }, (_, i) => `  <rdf:li rdf:resource="http://arxiv.org/abs/1805.${String(10000 + i)}" />`);
    const long = read(RDF_SAMPLE).replace(' <rdf:Seq>', ` <rdf:Seq>\n${items.join('\n')}`);
    expect(long.indexOf('<item ')).toBeGreaterThan(20_000);
    expect(arxivRdf.detect(long)).toBe(true);
  });

  it('does not take an arXiv RSS item quoted inside another document for a feed', () => {
    const quoted = `<html><body><pre>${read(RSS_SAMPLE).replace(/<\?xml[^>]*>/u, '')}</pre></body></html>`;
    expect(parsers.filter((parser) => parser.detect(quoted))).toEqual([]);
  });
});
