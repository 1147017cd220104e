import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../shared/feeds/errors';
import { arxivApi } from '../../shared/feeds/formats/arxiv-api';
import { arxivOai } from '../../shared/feeds/formats/arxiv-oai';
import { feedparserJson } from '../../shared/feeds/formats/feedparser-json';
import type { FormatParser, RawAuthor, RawRecord } from '../../shared/feeds/raw-record';
import { findArxivRef } from '../../shared/normalize/arxiv-id';
import { FIXTURES_DIR, missingShared, readFixture as read, readShared, SHARED_DIR } from '../shared-paths';

const context = { modifiedAt: new Date('2025-06-01T12:00:00Z') };
const parse = (parser: FormatParser, text: string) => parser.parse(text, context);
const parseFile = (parser: FormatParser, path: string) => parse(parser, read(path));

const API_SAMPLE = 'feeds/samples/arxiv-api-atom.xml';
const API_AFFILIATION_SAMPLE = 'feeds/samples/arxiv-api-atom-entry-affiliation-doi.xml';
const STRINGOLOGY = 'feeds/real/StringologyTimes/arxiv@11ba871_2024-07-20.xml';
const OAI_FILES = ['feeds/real/arxivXMLParser/1.xml', 'feeds/real/arxivXMLParser/103.xml', 'feeds/real/arxivXMLParser/50.xml'];
const RSS_CACHES = ['feeds/real/arxiv-rss-filter/rss_cache@11c67e9_2025-06-04.json', 'feeds/real/arxiv-rss-filter/rss_cache@a9bf7ae_2025-08-07.json'];
// test/fixtures holds the first entries of the StringologyTimes crawl, of the OAI-PMH harvests and of the first
// cache, with the ones the spot checks below read; the counts over the whole files need ../shared.
const NO_WHOLE_FILES = missingShared('arxiv-api-oai counts over the whole StringologyTimes, OAI-PMH and feedparser-cache files in ../shared/feeds/real');
const parseWholeFile = (parser: FormatParser, path: string) => parse(parser, readShared(path));

/** The error feed arXiv's API user manual shows for a malformed id (HTTP 200, one "Error" entry). */
const API_ERROR_FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
  <link xmlns="http://www.w3.org/2005/Atom" href="http://arxiv.org/api/query?search_query=&amp;id_list=1234.12345" rel="self" type="application/atom+xml"/>
  <title xmlns="http://www.w3.org/2005/Atom">ArXiv Query: search_query=&amp;id_list=1234.12345</title>
  <id xmlns="http://www.w3.org/2005/Atom">http://arxiv.org/api/kvuntZ8c9a4Eq5CF7KY03nMug+Q</id>
  <updated xmlns="http://www.w3.org/2005/Atom">2007-10-12T00:00:00-04:00</updated>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:itemsPerPage>
  <entry xmlns="http://www.w3.org/2005/Atom">
    <id xmlns="http://www.w3.org/2005/Atom">http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
    <title xmlns="http://www.w3.org/2005/Atom">Error</title>
    <summary xmlns="http://www.w3.org/2005/Atom">incorrect id format for 1234.12345</summary>
    <updated xmlns="http://www.w3.org/2005/Atom">2007-10-12T00:00:00-04:00</updated>
    <link xmlns="http://www.w3.org/2005/Atom" href="http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345" rel="alternate" type="text/html"/>
    <author xmlns="http://www.w3.org/2005/Atom">
      <name xmlns="http://www.w3.org/2005/Atom">arXiv api core</name>
    </author>
  </entry>
</feed>`;

const oaiDocument = (records: string) => `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
<responseDate>2016-03-09T00:35:38Z</responseDate>
<request verb="ListRecords" metadataPrefix="arXiv" set="cs">http://export.arxiv.org/oai2</request>
${records}
</OAI-PMH>`;

function withIdentifier(records: readonly RawRecord[], identifier: string): RawRecord {
  const found = records.filter((record) => record.identifiers.includes(identifier));
  expect(found).toHaveLength(1);
  return found[0]!;
}

function authorList(record: RawRecord): RawAuthor[] {
  if (typeof record.authors === 'string') throw new Error('expected a list of authors');
  return record.authors;
}

const countAffiliations = (records: readonly RawRecord[]) =>
  records.flatMap(authorList).reduce((sum, author) => sum + author.affiliations.length, 0);
const countWith = (records: readonly RawRecord[], field: 'doi' | 'comment' | 'journalRef' | 'pdfLink') =>
  records.filter((record) => record[field] !== null).length;

describe('arXiv API results (arxiv-api)', () => {
  it('reads every field of the user manual sample entry', () => {
    const { records, problems } = parseFile(arxivApi, API_SAMPLE);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toEqual({
      title: 'Multi-Electron Production at High Transverse Momenta in ep Collisions at\n  HERA',
      titleIsMarkup: false,
      abstract: expect.stringMatching(/^Multi-electron production is studied .*\nof 0\.30 \\pm 0\.04 and 0\.23 \\pm 0\.04, respectively\.$/su),
      abstractIsHtml: false,
      authors: [{ name: 'H1 Collaboration', affiliations: [] }],
      published: '2003-07-07T13:46:39-04:00',
      updated: '2003-07-07T13:46:39-04:00',
      identifiers: ['http://arxiv.org/abs/hep-ex/0307015', 'http://arxiv.org/abs/hep-ex/0307015v1', 'http://arxiv.org/pdf/hep-ex/0307015v1'],
      link: 'http://arxiv.org/abs/hep-ex/0307015v1',
      pdfLink: 'http://arxiv.org/pdf/hep-ex/0307015v1',
      doi: null,
      categories: ['hep-ex'],
      primaryCategory: 'hep-ex',
      comment: '23 pages, 8 figures and 4 tables',
      journalRef: 'Eur.Phys.J. C31 (2003) 17-29',
      announceType: null,
      isArxivSource: true,
    });
    // The entry id has no version; the alternate link supplies v1.
    expect(findArxivRef(record!.identifiers)).toEqual({ id: 'hep-ex/0307015', version: 1 });
  });

  it('reads affiliations, the DOI, a multi-line comment and an old-style id', () => {
    const { records, problems } = parseFile(arxivApi, API_AFFILIATION_SAMPLE);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({
      title: 'Impact of Electron-Electron Cusp on Configuration Interaction Energies',
      abstract: 'The effect of the electron-electron...',
      authors: [
        { name: 'David Prendergast', affiliations: ['Department of Physics'] },
        { name: 'M. Nolan', affiliations: ['NMRC, University College, Cork, Ireland'] },
        { name: 'J. C. Greer', affiliations: ['NMRC, University College, Cork, Ireland'] },
      ],
      published: '2001-02-28T20:12:09Z',
      updated: '2001-02-28T20:12:09Z',
      identifiers: [
        'http://arxiv.org/abs/cond-mat/0102536v1',
        'http://dx.doi.org/10.1063/1.1383585',
        'http://arxiv.org/pdf/cond-mat/0102536v1',
        '10.1063/1.1383585',
      ],
      link: 'http://arxiv.org/abs/cond-mat/0102536v1',
      pdfLink: 'http://arxiv.org/pdf/cond-mat/0102536v1',
      doi: '10.1063/1.1383585',
      categories: ['cond-mat.str-el'],
      primaryCategory: 'cond-mat.str-el',
      comment: '11 pages, 6 figures, 3 tables, LaTeX209, submitted to The Journal of Chemical Physics',
      journalRef: 'J. Chem. Phys. 115, 1626 (2001)',
      isArxivSource: true,
    });
    expect(findArxivRef(record!.identifiers)).toEqual({ id: 'cond-mat/0102536', version: 1 });
  });

  it('skips an API error entry and says what arXiv answered', () => {
    expect(arxivApi.detect(API_ERROR_FEED)).toBe(true);
    const { records, problems } = parse(arxivApi, API_ERROR_FEED);
    expect(records).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"incorrect id format for 1234.12345"');
  });

  it.skipIf(NO_WHOLE_FILES)('reads every entry of the whole StringologyTimes <articles> crawl', () => {
    const { records, problems } = parseWholeFile(arxivApi, STRINGOLOGY);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(2060);
    expect(records.every((record) => record.isArxivSource && record.abstract !== null)).toBe(true);
    expect(countWith(records, 'pdfLink')).toBe(2060);
    expect(countWith(records, 'doi')).toBe(188);
    expect(countWith(records, 'comment')).toBe(1035);
    expect(countWith(records, 'journalRef')).toBe(119);
    expect(countAffiliations(records)).toBe(102);
  });

  it('reads the StringologyTimes <articles> crawl of API entries', () => {
    const { records, problems } = parseFile(arxivApi, STRINGOLOGY);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(25);
    expect(records.every((record) => record.isArxivSource && record.abstract !== null && record.pdfLink !== null)).toBe(true);

    expect(records[0]!.identifiers).toEqual(['http://arxiv.org/abs/1910.06169v1', '1910.06169', 'http://arxiv.org/pdf/1910.06169v1']);
    expect(records[0]!.categories).toEqual(['cs.DS', 'cs.DB', 'cs.IR', 'cs.LG', 'E.1; E.4; I.2.6']);

    const record = withIdentifier(records, 'http://arxiv.org/abs/2105.13595v1');
    expect(record).toMatchObject({
      title: 'On Stricter Reachable Repetitiveness Measures*',
      authors: [
        { name: 'Gonzalo Navarro', affiliations: ['University of Chile', 'CeBiB'] },
        { name: 'Cristian Urbina', affiliations: ['University of Chile', 'CeBiB'] },
      ],
      published: '2021-05-28T05:24:53Z',
      comment: 'Funded in part by Basal Funds FB0001, Fondecyt Grant 1-200038, and a\n  Conicyt Doctoral Scholarship, ANID, Chile',
      primaryCategory: 'cs.DS',
      doi: null,
    });
    expect(record.abstract).toMatch(/^The size \$b\$ of the smallest bidirectional macro scheme/u);

    const revised = withIdentifier(records, 'http://arxiv.org/abs/1810.05313v2');
    expect(revised).toMatchObject({
      published: '2018-10-12T01:40:57Z',
      updated: '2018-10-26T01:30:24Z',
      doi: '10.1016/j.cam.2018.10.019',
      journalRef: 'Computational and Applied Mathematics 350, 2019',
      authors: [
        { name: 'Daniel Lemire', affiliations: [] },
        { name: "Melissa E. O'Neill", affiliations: [] },
      ],
    });
    expect(findArxivRef(revised.identifiers)).toEqual({ id: '1810.05313', version: 2 });
  });

  it('rejects malformed XML with a reason', () => {
    const truncated = read(STRINGOLOGY).slice(0, 5000);
    expect(() => parse(arxivApi, truncated)).toThrow(FeedParseError);
    expect(() => parse(arxivApi, truncated)).toThrow(/not well-formed XML/u);
  });
});

describe('safe XML reading', () => {
  const entry = (title: string) =>
    `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/abs/2401.00001v2</id><title>${title}</title></entry></feed>`;

  it('never expands entities a DOCTYPE declares', () => {
    const laughs = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)];
    const bomb = `<?xml version="1.0"?><!DOCTYPE feed [${laughs.join('')}]>${entry('Laughs &lol9;')}`;
    expect(parse(arxivApi, bomb).records[0]!.title).toBe('Laughs &lol9;');
  });

  it('refuses external entities', () => {
    const external = `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>${entry('&secret;')}`;
    expect(() => parse(arxivApi, external)).toThrow(FeedParseError);
  });

  it('decodes the XML entities and character references once', () => {
    expect(parse(arxivApi, entry('&lt;b&gt; &amp;amp; &#xe9;&#233; &quot;&apos;')).records[0]!.title).toBe(`<b> &amp; éé "'`);
  });
});

describe('arXiv OAI-PMH records (arxiv-oai)', () => {
  it.skipIf(NO_WHOLE_FILES).each([
    ['feeds/real/arxivXMLParser/1.xml', 1000, 619, 139, 645, 326],
    ['feeds/real/arxivXMLParser/50.xml', 1000, 228, 249, 668, 261],
    ['feeds/real/arxivXMLParser/103.xml', 538, 236, 168, 486, 250],
  ])('reads every record of the whole %s', (path, count, affiliations, dois, comments, journalRefs) => {
    const { records, problems } = parseWholeFile(arxivOai, path);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(count);
    expect(records.every((record) => record.isArxivSource && record.abstract !== null && record.published !== null)).toBe(true);
    expect(countAffiliations(records)).toBe(affiliations);
    expect(countWith(records, 'doi')).toBe(dois);
    expect(countWith(records, 'comment')).toBe(comments);
    expect(countWith(records, 'journalRef')).toBe(journalRefs);
  });

  it('spot-checks the first record of 1.xml exactly', () => {
    const [record] = parseFile(arxivOai, OAI_FILES[0]!).records;
    expect(record).toEqual({
      title: 'Sparsity-certifying Graph Decompositions',
      titleIsMarkup: false,
      abstract: expect.stringMatching(/^We describe a new algorithm, the \$\(k,\\ell\)\$-pebble game with colors, .*Westermann and Hendrickson\.$/su),
      abstractIsHtml: false,
      authors: [
        { name: 'Ileana Streinu', affiliations: [] },
        { name: 'Louis Theran', affiliations: [] },
      ],
      published: '2007-03-30',
      updated: '2008-12-13',
      identifiers: ['oai:arXiv.org:0704.0002', '0704.0002'],
      link: null,
      pdfLink: null,
      doi: null,
      categories: ['math.CO', 'cs.CG'],
      primaryCategory: 'math.CO',
      comment: 'To appear in Graphs and Combinatorics',
      journalRef: null,
      announceType: null,
      isArxivSource: true,
    });
    expect(findArxivRef(record!.identifiers)).toEqual({ id: '0704.0002', version: null });
  });

  it('joins forenames, keyname and suffix', () => {
    const record = withIdentifier(parseFile(arxivOai, OAI_FILES[0]!).records, 'oai:arXiv.org:0704.0802');
    expect(authorList(record).map((author) => author.name)).toEqual(['Caleb K. Lo', 'Robert W. Heath, Jr.', 'Sriram Vishwanath']);
    expect(record.comment).toBe(
      '4 pages, 5 figures, to appear in Proceedings of the 2007\n  International Conference on Acoustics, Speech, and Signal Processing in\n  Honolulu, HI',
    );
    expect(record.updated).toBeNull();
  });

  it('decodes character references in names and affiliations', () => {
    const record = withIdentifier(parseFile(arxivOai, 'feeds/real/arxivXMLParser/50.xml').records, '1308.3996');
    expect(record).toMatchObject({
      authors: [
        { name: 'Wojciech Czerwiński', affiliations: ['Universität Bayreuth'] },
        { name: 'Piotr Hofman', affiliations: ['University of Warsaw'] },
        // arXiv's own metadata capitalises the Ł: S&#x141;awomir.
        { name: 'SŁawomir Lasota', affiliations: ['University of Warsaw'] },
      ],
      doi: '10.2168/LMCS-9(3:13)2013',
      journalRef: 'Logical Methods in Computer Science, Volume 9, Issue 3 (September\n  11, 2013) lmcs:857',
      categories: ['cs.LO', 'cs.FL'],
      published: '2013-08-19',
      updated: '2013-09-20',
    });
  });

  it('reads old-style ids and several affiliations per author', () => {
    const record = withIdentifier(parseFile(arxivOai, 'feeds/real/arxivXMLParser/103.xml').records, 'quant-ph/9904108');
    expect(record.identifiers).toEqual(['oai:arXiv.org:quant-ph/9904108', 'quant-ph/9904108', '10.1145/335305.335402']);
    expect(record.authors).toEqual([
      { name: 'Wim van Dam', affiliations: ['CWI Amsterdam', 'CQC Oxford'] },
      { name: 'Frederic Magniez', affiliations: ['LRI Paris Sud'] },
      { name: 'Michele Mosca', affiliations: ['CQC Oxford', 'U of Waterloo'] },
      { name: 'Miklos Santha', affiliations: ['LRI Paris Sud', 'CNRS'] },
    ]);
    expect(findArxivRef(record.identifiers)).toEqual({ id: 'quant-ph/9904108', version: null });
  });

  it('skips deleted records with a problem', () => {
    const text = oaiDocument(`<ListRecords>
<record><header status="deleted"><identifier>oai:arXiv.org:0704.0001</identifier><datestamp>2010-01-01</datestamp></header></record>
<record><header><identifier>oai:arXiv.org:0704.0003</identifier><datestamp>2008-11-13</datestamp></header>
<metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>0704.0003</id><created>2007-03-30</created>
<authors><author><keyname>Pan</keyname><forenames>Hongjun</forenames></author></authors>
<title>The evolution of the Earth-Moon system based on the dark matter field fluid model</title>
<categories>physics.gen-ph</categories><abstract>An abstract.</abstract></arXiv></metadata></record>
</ListRecords>`);
    expect(arxivOai.detect(text)).toBe(true);
    const { records, problems } = parse(arxivOai, text);
    expect(records.map((record) => record.identifiers)).toEqual([['oai:arXiv.org:0704.0003', '0704.0003']]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('oai:arXiv.org:0704.0001');
  });

  it('rejects an OAI-PMH error response with its reason', () => {
    const text = oaiDocument('<error code="noRecordsMatch">The combination of the values of the from, until, set and metadataPrefix arguments results in an empty list.</error>');
    expect(() => parse(arxivOai, text)).toThrow(FeedParseError);
    expect(() => parse(arxivOai, text)).toThrow(/noRecordsMatch/u);
  });
});

describe('feedparser results keyed by feed URL (feedparser-json)', () => {
  it.skipIf(NO_WHOLE_FILES).each([
    [RSS_CACHES[0]!, 910, { new: 417, replace: 313, cross: 114, 'replace-cross': 66 }],
    [RSS_CACHES[1]!, 639, { new: 305, replace: 195, cross: 87, 'replace-cross': 52 }],
  ])('reads every entry of every feed in the whole %s', (path, count, announceTypes) => {
    const { records, problems } = parseWholeFile(feedparserJson, path);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(count);
    const tally: Record<string, number> = {};
    for (const record of records) tally[String(record.announceType)] = (tally[String(record.announceType)] ?? 0) + 1;
    expect(tally).toEqual(announceTypes);
    expect(records.every((record) => record.isArxivSource && !record.abstractIsHtml && !record.abstract!.startsWith('arXiv:'))).toBe(true);
    expect(records.every((record) => typeof record.authors === 'string' && record.authors !== '')).toBe(true);
  });

  it('spot-checks the first entry exactly', () => {
    const [record] = parseFile(feedparserJson, RSS_CACHES[0]!).records;
    expect(record).toEqual({
      title: 'Ubiquitous Symmetry at Critical Points Across Diverse Optimization Landscapes',
      titleIsMarkup: false,
      abstract: expect.stringMatching(/^Symmetry plays a crucial role in understanding .*not captured by the previous measure\.$/su),
      abstractIsHtml: false,
      authors: 'Irmi Schneider',
      published: 'Wed, 04 Jun 2025 00:00:00 -0400',
      updated: null,
      identifiers: ['oai:arXiv.org:2506.01959v1', 'https://arxiv.org/abs/2506.01959', 'arXiv:2506.01959v1'],
      link: 'https://arxiv.org/abs/2506.01959',
      pdfLink: null,
      doi: null,
      categories: [],
      primaryCategory: null,
      comment: null,
      journalRef: null,
      announceType: 'new',
      isArxivSource: true,
    });
    expect(findArxivRef(record!.identifiers)).toEqual({ id: '2506.01959', version: 1 });
  });

  it('keeps a comma-joined author string with LaTeX accents for the normaliser', () => {
    const record = withIdentifier(parseFile(feedparserJson, RSS_CACHES[0]!).records, 'oai:arXiv.org:2506.01967v1');
    expect(record.authors).toBe("Patrik Czak\\'o, G\\'abor Kert\\'esz, S\\'andor Sz\\'en\\'asi");
    expect(record.announceType).toBe('new');
  });

  it('reads feedparser tags as categories and skips untitled entries', () => {
    const text = JSON.stringify({
      'https://rss.arxiv.org/rss/math.OC': {
        feed: { title: 'math.OC updates on arXiv.org' },
        entries: [
          { id: 'oai:arXiv.org:2401.00002v1', title: 'Tagged', summary: 'arXiv:2401.00002v1 Announce Type: cross \nAbstract: A.', tags: [{ term: 'math.OC' }, { term: 'cs.LG' }] },
          { id: 'oai:arXiv.org:2401.00003v1' },
        ],
      },
      'https://example.org/broken': 'fetch failed',
    });
    expect(feedparserJson.detect(text)).toBe(true);
    const { records, problems } = parse(feedparserJson, text);
    expect(records.map((record) => [record.categories, record.announceType])).toEqual([[['math.OC', 'cs.LG'], 'cross']]);
    expect(problems).toEqual([
      'https://rss.arxiv.org/rss/math.OC: Entry 2 (oai:arXiv.org:2401.00003v1) has no title and was skipped.',
      'The result for https://example.org/broken has no entries list and was skipped.',
    ]);
  });

  it('rejects text that is not JSON', () => {
    expect(() => parse(feedparserJson, '{"https://rss.arxiv.org/rss/cs.AI": {"feed": ')).toThrow(FeedParseError);
  });
});

describe('detection', () => {
  // Every feed, sample, seed and parser-suite file: the copies in test/fixtures always (they hold the first of
  // the two caches), everything beside the repository when ../shared is there.
  const corpora = [
    { name: 'the copies in test/fixtures', root: FIXTURES_DIR, dirs: ['feeds', 'parser-suites'], atLeast: 50, caches: RSS_CACHES.slice(0, 1), skip: false },
    { name: '../shared', root: SHARED_DIR, dirs: ['feeds', 'fixtures'], atLeast: 300, caches: RSS_CACHES, skip: missingShared('arxiv-api-oai runs its detectors over every file in ../shared') },
  ];
  for (const { name, root, dirs, atLeast, caches, skip } of corpora) {
    describe.skipIf(skip)(`over ${name}`, () => {
      const listFiles = (dir: string): string[] =>
        readdirSync(root + dir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => `${entry.parentPath.slice(root.length)}/${entry.name}`.replace(/\/+/gu, '/'))
          .sort();
      const everyFile = skip ? [] : dirs.flatMap(listFiles);
      const claimedBy = (parser: FormatParser) => everyFile.filter((path) => parser.detect(readFileSync(root + path, 'utf8')));

      it('sees the data', () => {
        expect(everyFile.length).toBeGreaterThan(atLeast);
        expect(everyFile).toContain('feeds/samples/arxiv-atom-2024.xml');
        expect(everyFile).toContain('feeds/seeds/000_0d76c9f6c8fe1248.txt');
      });

      it('claims the API samples and the StringologyTimes crawl, and nothing else', () => {
        expect(claimedBy(arxivApi)).toEqual([API_AFFILIATION_SAMPLE, API_SAMPLE, STRINGOLOGY].sort());
      });

      it('claims the OAI-PMH harvests, and nothing else', () => {
        expect(claimedBy(arxivOai)).toEqual([...OAI_FILES].sort());
      });

      it('claims the feedparser caches, and nothing else', () => {
        expect(claimedBy(feedparserJson)).toEqual([...caches].sort());
      });
    });
  }

  it('does not take the rss.arxiv.org Atom feed or generic Atom for API results', () => {
    expect(arxivApi.detect(read('feeds/samples/arxiv-atom-2024.xml'))).toBe(false);
    expect(arxivApi.detect(read('parser-suites/feedsmith/src/feeds/atom/references/atom-ns.xml'))).toBe(false);
  });
});
