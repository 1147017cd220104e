import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../shared/feeds/errors';
import { genericAtomParser } from '../../shared/feeds/formats/generic-atom';
import { genericRdfParser } from '../../shared/feeds/formats/generic-rdf';
import { genericRssParser } from '../../shared/feeds/formats/generic-rss';
import { jsonFeedEntries, jsonFeedParser } from '../../shared/feeds/formats/json-feed';
import { emptyRecord, type FormatParser, type RawRecord } from '../../shared/feeds/raw-record';
import { missingShared, readFixture as read, readShared, SEED_FILES, SEEDS_DIR } from '../shared-paths';

const context = { modifiedAt: new Date('2026-08-22T12:00:00Z') };
const parseFile = (parser: FormatParser, path: string) => parser.parse(read(path), context);

const SAMPLES = 'feeds/samples/';
const HF_FEEDS = 'feeds/real/huggingface-daily-paper-feed/';
const ARXIV_TO_RSS = 'feeds/real/arxiv-to-rss/';
const FEED_EXTRACTOR = 'parser-suites/feed-extractor/tests/test-data/';
const FEEDSMITH_REFERENCES = 'parser-suites/feedsmith/src/feeds/';
/** test/fixtures holds the Hugging Face feed.xml whole and the first items of the arxiv-to-rss feeds; ../shared holds every file whole. */
const NO_WHOLE_FEEDS = missingShared('generic-feeds counts every item of the whole Hugging Face and arxiv-to-rss feeds in ../shared/feeds/real');

const GENERIC_PARSERS = [genericRssParser, genericAtomParser, genericRdfParser, jsonFeedParser];

/** A record with the fields these feeds fill: what a generic parser leaves empty stays as emptyRecord has it. */
function record(fields: Partial<RawRecord> & { title: string }): RawRecord {
  return { ...emptyRecord(fields.title), titleIsMarkup: true, ...fields };
}

/** Bytes that are no feed, the same on every run. */
function noiseText(length: number): string {
  let state = 0x2545f491;
  const bytes = Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state >>> 24;
  });
  return new TextDecoder('latin1').decode(new Uint8Array(bytes));
}

describe('detection: each generic detector claims its own structure and nothing else', () => {
  const claims: [string, string, FormatParser['format'] | null][] = [
    ['bioRxiv RSS 1.0', read(`${SAMPLES}biorxiv-rss1-rdf.xml`), 'rdf'],
    ['Elsevier RSS 1.0', read(`${SAMPLES}elsevier-atypon-rss1-prism.xml`), 'rdf'],
    ['Nature RSS 1.0', read(`${SAMPLES}nature-rss1-rdf-shape.xml`), 'rdf'],
    ['JSON Feed 1.0', read(`${SAMPLES}jsonfeed-1.0-microblog.json`), 'json-feed'],
    ['JSON Feed 1.1', read(`${SAMPLES}jsonfeed-1.1-microblog.json`), 'json-feed'],
    ['JSON Feed 1.1 simple', read(`${SAMPLES}jsonfeed-1.1-simple.json`), 'json-feed'],
    ['Hugging Face RSS 2.0', read(`${HF_FEEDS}feed.xml`), 'rss'],
    ['arxiv-to-rss RSS 2.0', read(`${ARXIV_TO_RSS}feed.xml`), 'rss'],
    ['Atom 1.0', read(`${FEED_EXTRACTOR}atom-feed-standard.xml`), 'atom'],
    ['Atom 0.3', read(`${FEEDSMITH_REFERENCES}atom/references/atom-03.xml`), 'atom'],
    ['RSS 0.90 (RDF)', read(`${FEEDSMITH_REFERENCES}rdf/references/rdf-09.xml`), 'rdf'],
    // arXiv's own files have the generic structure: the registry asks the arXiv detectors first.
    ['arXiv RSS 2.0', read(`${SAMPLES}arxiv-rss2-2024.xml`), 'rss'],
    ['arXiv Atom', read(`${SAMPLES}arxiv-atom-2024.xml`), 'atom'],
    ['arXiv API Atom', read(`${SAMPLES}arxiv-api-atom.xml`), 'atom'],
    ['arXiv legacy RSS 1.0', read(`${SAMPLES}arxiv-rss1-rdf-legacy.xml`), 'rdf'],
    ['Hugging Face daily_papers JSON', read(`${SAMPLES}hf-daily-papers.json`), null],
    ['Hugging Face papers page text', read(`${SAMPLES}hf-papers-page-plaintext.txt`), null],
    ['Hugging Face web-clipper text', read(`${SAMPLES}hf-papers-page-export-with-urls.txt`), null],
    ['seed 0', readFileSync(SEEDS_DIR + SEED_FILES[0], 'utf8'), null],
    ['seed 1', readFileSync(SEEDS_DIR + SEED_FILES[1], 'utf8'), null],
    ['an empty file', '', null],
    ['whitespace', ' \n\t\n', null],
    ['random bytes', noiseText(4096), null],
    ['a PDF header', '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>', null],
    ['a <feed> in another namespace', '<?xml version="1.0"?>\n<feed xmlns="http://example.org/not-atom"><entry/></feed>', null],
    ['RDF that is not RSS', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF>', null],
    ['an HTML page', '<!DOCTYPE html>\n<html><head><title>rss</title></head><body><rss></rss></body></html>', null],
  ];

  it.each(claims)('%s', (_name, text, format) => {
    const claimed = GENERIC_PARSERS.filter((parser) => parser.detect(text)).map((parser) => parser.format);
    expect(claimed).toEqual(format === null ? [] : [format]);
  });

  it('never throws and never lets two generic detectors claim the same text', () => {
    const xmlish = fc.oneof(
      fc.string(),
      fc.constantFrom('<rss', '<feed', '<rdf:RDF', '{"version":"https://jsonfeed.org/version/1"', '<?xml version="1.0"?>', '<!-- -->').chain((head) =>
        fc.string().map((tail) => head + tail),
      ),
    );
    fc.assert(
      fc.property(xmlish, (text) => {
        expect(GENERIC_PARSERS.filter((parser) => parser.detect(text)).length).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('rdf: RSS 1.0 with dc:, prism: and content:encoded', () => {
  it('reads the bioRxiv item: "Last, I." creator pairs, doi: identifier, PRISM under a non-standard URI', () => {
    const { records, problems } = parseFile(genericRdfParser, `${SAMPLES}biorxiv-rss1-rdf.xml`);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      record({
        title: 'Microscale Collagen and Fibroblast Interactions Enhance Primary Human Hepatocyte Functions in 3-Dimensional Models',
        abstract:
          'Human liver models that are 3-dimensional (3D) in architecture are proving to be indispensable for diverse applications, including compound metabolism and toxicity screening during preclinical drug development, to model human liver diseases for the discovery of novel therapeutics, and for cell-based therapies in the clinic; however, further development of such models is needed to maintain high levels of primary human hepatocyte (PHH) functions for weeks to months in vitro. (abridged)',
        abstractIsHtml: false,
        authors: [
          { name: 'Kukla, D.', affiliations: [] },
          { name: 'Crampton, A.', affiliations: [] },
          { name: 'Wood, D.', affiliations: [] },
          { name: 'Khetani, S.', affiliations: [] },
        ],
        published: '2019-11-29',
        identifiers: ['http://biorxiv.org/cgi/content/short/857789v1?rss=1', 'doi:10.1101/857789'],
        link: 'http://biorxiv.org/cgi/content/short/857789v1?rss=1',
        doi: 'doi:10.1101/857789',
      }),
    ]);
  });

  it('reads the Elsevier item: one joined dc:creator, a bare DOI, and a journal reference from PRISM 1.2', () => {
    const { records, problems } = parseFile(genericRdfParser, `${SAMPLES}elsevier-atypon-rss1-prism.xml`);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      record({
        title: 'HIV Exposure and Formula Feeding Predict Under-2 Mortality in HIV-Uninfected Children, Botswana',
        abstract:
          'To prospectively assess rates and detailed predictors of morbidity and mortality among HIV-exposed uninfected children and HIV-unexposed children in Botswana in a more recent era.',
        abstractIsHtml: false,
        authors:
          'Gbolahan Ajibola, Jean Leidner, Gloria K. Mayondi, Erik van Widenfelt, Tebogo Madidimalo, Chipo Petlo, Sikhulile Moyo, Mompati Mmalane, Paige L. Williams, Adam R. Cassidy, Roger Shapiro, Betsy Kammerer, Shahin Lockman',
        published: '2018-10-11',
        identifiers: ['https://www.jpeds.com/article/S0022-3476(18)31119-3/fulltext?rss=yes', '10.1016/j.jpeds.2018.08.009'],
        link: 'https://www.jpeds.com/article/S0022-3476(18)31119-3/fulltext?rss=yes',
        doi: '10.1016/j.jpeds.2018.08.009',
        journalRef: 'The Journal of Pediatrics 203, 68',
      }),
    ]);
  });

  it('reads the Nature item: content:encoded as HTML, repeated creators as the source lists them, prism:doi', () => {
    const { records, problems } = parseFile(genericRdfParser, `${SAMPLES}nature-rss1-rdf-shape.xml`);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      record({
        title: 'Direct electrochemical propylene epoxidation over amorphized perovskite oxide in non-halogenated aqueous electrolyte',
        abstract:
          '<p>Nature Catalysis, Published online: 12 May 2026; <a href="https://www.nature.com/articles/s41929-026-01535-6">doi:10.1038/s41929-026-01535-6</a></p>Direct electrocatalytic oxidation of propylene in aqueous solution has been limited to precious-metal catalysts in halogenated electrolytes.',
        abstractIsHtml: true,
        authors: [
          { name: 'Kalipada Koner', affiliations: [] },
          { name: 'Jason S. Adams', affiliations: [] },
          { name: 'Kalipada Koner', affiliations: [] },
        ],
        published: '2026-05-12',
        identifiers: ['https://www.nature.com/articles/s41929-026-01535-6', 'doi:10.1038/s41929-026-01535-6', '10.1038/s41929-026-01535-6'],
        link: 'https://www.nature.com/articles/s41929-026-01535-6',
        doi: '10.1038/s41929-026-01535-6',
        journalRef: 'Nature Catalysis',
      }),
    ]);
  });

  it("reads Science's table of contents, naming the journal from the channel for items with a volume", () => {
    const { records, problems } = parseFile(genericRdfParser, 'parser-suites/rss-parser/test/input/rss-1.rss');
    expect(problems).toEqual([]);
    expect(records).toHaveLength(69);
    expect(records[0]).toEqual(
      record({
        title: 'Food for fungi',
        authors: [{ name: 'Hines, P. J.', affiliations: [] }],
        published: '2017-06-15T10:29:47-07:00',
        identifiers: [
          'http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1',
          'info:doi/10.1126/science.356.6343.1134-a',
          'hwp:resource-id:sci;356/6343/1134-a',
        ],
        link: 'http://science.sciencemag.org/cgi/content/short/356/6343/1134-a?rss=1',
        doi: 'info:doi/10.1126/science.356.6343.1134-a',
        categories: ['Botany, Microbiology'],
        journalRef: 'Science 356(6343), 1134',
      }),
    );
    expect(records.every((entry) => entry.doi?.startsWith('info:doi/10.1126/science.'))).toBe(true);
  });

  it('does not pass a bare channel name off as a citation (bioRxiv names itself on the channel)', () => {
    const [entry] = parseFile(genericRdfParser, `${SAMPLES}biorxiv-rss1-rdf.xml`).records;
    expect(entry?.journalRef).toBeNull();
  });
});

describe('rss: RSS 0.9x and 2.0', () => {
  it('reads PRISM and Dublin Core in an RSS 2.0 item', () => {
    const { records } = parseFile(genericRssParser, `${FEEDSMITH_REFERENCES}rss/references/rss-ns.xml`);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      title: 'Example Item',
      abstract: 'This is an example of content.',
      abstractIsHtml: true,
      authors: 'Jack Jackson',
      published: '2022-01-01T12:00:00.000Z',
      link: 'http://example.org/item/1',
      doi: '10.1038/s41586-023-05842-x',
      journalRef: 'Nature 615(7952), 425',
    });
    expect(records[0]!.identifiers).toContain('10.1038/s41586-023-05842-x');
  });

  /** Every item read, its arXiv link in identifiers. */
  function expectHuggingFaceItems({ records, problems }: ReturnType<FormatParser['parse']>, count: number) {
    expect(problems).toEqual([]);
    expect(records).toHaveLength(count);
    for (const entry of records) {
      expect(entry.link).toMatch(/^https:\/\/arxiv\.org\/abs\/\d{4}\.\d{4,5}$/u);
      expect(entry.identifiers).toContain(entry.link);
      expect(entry.abstractIsHtml).toBe(true);
    }
  }

  it('reads every item of the Hugging Face feed feed.xml, its arXiv link in identifiers', () => {
    expectHuggingFaceItems(parseFile(genericRssParser, `${HF_FEEDS}feed.xml`), 30);
  });

  it.skipIf(NO_WHOLE_FEEDS).each([
    ['feed@18bd9f8_2025-10-06.xml', 52],
    ['feed@6f008a9_2025-04-25.xml', 15],
    ['feed@e530503_2026-04-25.xml', 22],
    ['feed_monthly.xml', 105],
    ['feed_weekly.xml', 6],
  ])('reads every item of the Hugging Face feed %s in ../shared, its arXiv link in identifiers', (file, count) => {
    expectHuggingFaceItems(genericRssParser.parse(readShared(HF_FEEDS + file), context), count);
  });

  it('reads the first Hugging Face item as the source has it', () => {
    const [first] = parseFile(genericRssParser, `${HF_FEEDS}feed.xml`).records;
    expect(first).toMatchObject({
      title: 'OSReward: Instituting Standardized Evaluation for Cross-Platform Computer-Use Reward Models',
      titleIsMarkup: true,
      authors: [],
      published: 'Thu, 30 Jul 2026 00:00:00 +0000',
      identifiers: ['https://arxiv.org/abs/2607.28609'],
      link: 'https://arxiv.org/abs/2607.28609',
      doi: null,
    });
    expect(first!.abstract).toMatch(/^<p><img src="https:\/\/cdn-thumbnails\.huggingface\.co\/social-thumbnails\/papers\/2607\.28609\.png"/u);
    expect(first!.abstract).toContain('<p><b>Authors:</b> Qiushi Sun, Kanzhi Cheng,');
    expect(first!.abstract).toMatch(/available at https:\/\/os-copilot\.github\.io\/OSReward-Home\/\.<\/p>$/u);
  });

  /** Every item read, its versioned arXiv link its one identifier. */
  function expectArxivToRssItems({ records, problems }: ReturnType<FormatParser['parse']>, count: number) {
    expect(problems).toEqual([]);
    expect(records).toHaveLength(count);
    for (const entry of records) {
      expect(entry.identifiers).toEqual([entry.link]);
      expect(entry.link).toMatch(/^https:\/\/arxiv\.org\/abs\/\d{4}\.\d{4,5}v\d+$/u);
    }
  }

  it.each([
    ['feed.xml', 16],
    ['author.xml', 15],
  ])('reads every item of the first ones of the arxiv-to-rss feed %s', (file, count) => {
    expectArxivToRssItems(parseFile(genericRssParser, ARXIV_TO_RSS + file), count);
  });

  it.skipIf(NO_WHOLE_FEEDS).each([
    ['feed.xml', 300],
    ['author.xml', 200],
  ])('reads every item of the whole arxiv-to-rss feed %s in ../shared', (file, count) => {
    expectArxivToRssItems(genericRssParser.parse(readShared(ARXIV_TO_RSS + file), context), count);
  });

  it('keeps the markup of an arxiv-to-rss title and the first author of its <author>', () => {
    const [first] = parseFile(genericRssParser, `${ARXIV_TO_RSS}author.xml`).records;
    expect(first).toMatchObject({
      title: 'OutThere Survey: Addressing ξ<sub>ion</sub> and f<sub>esc</sub> with a population of average galaxies at z~2',
      titleIsMarkup: true,
      abstractIsHtml: true,
      authors: [{ name: 'Ravi Jaiswar', affiliations: [] }],
      published: 'Thu, 20 Aug 2026 06:24:13 GMT',
      link: 'https://arxiv.org/abs/2608.19687v1',
    });
    expect(first!.abstract).toMatch(/^<p> Ravi Jaiswar, Anshu Gupta, Elisabete da Cunha,/u);
  });

  it('reads an RSS document with no channel as an empty feed', () => {
    expect(parseFile(genericRssParser, 'parser-suites/feedparser/tests/wellformed/rss/rss_version_20.xml')).toEqual({ records: [], problems: [] });
  });

  it('rejects XML that is not well-formed, saying why', () => {
    const text = read('parser-suites/feedparser/tests/illformed/rss_item_link_corrupted_ampersands.xml');
    expect(() => genericRssParser.parse(text, context)).toThrow(FeedParseError);
    expect(() => genericRssParser.parse(text, context)).toThrow(/not a readable RSS feed: .*Closing Tag is not closed/u);
  });
});

describe('atom: Atom 1.0 and 0.3', () => {
  it('reads an Atom 1.0 entry: XHTML content over the summary, the first alternate link', () => {
    const { records, problems } = parseFile(genericAtomParser, `${FEED_EXTRACTOR}atom-feed-standard.xml`);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      record({
        title: 'Atom-Powered Robots Run Amok',
        abstract: '<p>This is the entry content.</p>',
        abstractIsHtml: true,
        authors: [{ name: 'John Doe', affiliations: [] }],
        published: '2003-11-09T17:23:02Z',
        updated: '2003-12-13T18:30:02Z',
        identifiers: ['urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a', 'http://example.org/2003/12/13/atom03'],
        link: 'http://example.org/2003/12/13/atom03',
      }),
    ]);
  });

  it("reads Atom 0.3's issued and modified dates", () => {
    const { records } = parseFile(genericAtomParser, `${FEEDSMITH_REFERENCES}atom/references/atom-03.xml`);
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      title: 'First entry title',
      published: '2004-04-20T00:23:47Z',
      updated: '2004-04-20T11:56:34Z',
      categories: ['examples', 'documentation'],
      authors: [{ name: 'Mark Pilgrim', affiliations: [] }],
    });
  });
});

describe('json-feed: JSON Feed 1.0 and 1.1', () => {
  it.each([
    ['jsonfeed-1.0-microblog.json', ['Entry 1 (2347259) has no title and was skipped.']],
    ['jsonfeed-1.1-microblog.json', ['Entry 1 (2347259) has no title and was skipped.']],
    ['jsonfeed-1.1-simple.json', ['Entry 1 (2) has no title and was skipped.', 'Entry 2 (1) has no title and was skipped.']],
  ])('skips the untitled items of %s, saying so', (file, problems) => {
    expect(parseFile(jsonFeedParser, SAMPLES + file)).toEqual({ records: [], problems });
  });

  it.each(['jsonfeed-1.0-microblog.json', 'jsonfeed-1.1-microblog.json'])(
    'maps the microblog item of %s, its author inherited from the feed (1.0 `author`, 1.1 `authors`)',
    (file) => {
      expect(jsonFeedEntries(read(SAMPLES + file)).map((entry) => entry.record)).toEqual([
        {
          ...emptyRecord(''),
          abstract: 'Cats are neat. \n\nhttps://example.org/cats',
          authors: [{ name: 'Brent Simmons', affiliations: [] }],
          published: '2016-02-09T14:22:00-07:00',
          identifiers: ['2347259', 'https://example.org/2347259'],
          link: 'https://example.org/2347259',
        },
      ]);
    },
  );

  it('tells content_text (plain) from content_html (HTML)', () => {
    const records = jsonFeedEntries(read(`${SAMPLES}jsonfeed-1.1-simple.json`)).map((entry) => entry.record);
    expect(records.map(({ abstract, abstractIsHtml, link }) => ({ abstract, abstractIsHtml, link }))).toEqual([
      { abstract: 'This is a second item.', abstractIsHtml: false, link: 'https://example.org/second-item' },
      { abstract: '<p>Hello, world!</p>', abstractIsHtml: true, link: 'https://example.org/initial-post' },
    ]);
  });

  it('reads a titled JSON Feed', () => {
    const { records, problems } = parseFile(jsonFeedParser, `${FEED_EXTRACTOR}json-feed-standard.json`);
    expect(problems).toEqual([]);
    expect(records.map((entry) => entry.title)).toEqual(['JSON Feed version 1.1', 'Announcing JSON Feed']);
    expect(records[0]).toMatchObject({
      titleIsMarkup: false,
      abstractIsHtml: true,
      published: '2020-08-07T11:44:36-05:00',
      identifiers: ['http://jsonfeed.micro.blog/2020/08/07/json-feed-version.html', 'https://www.jsonfeed.org/2020/08/07/json-feed-version.html'],
      link: 'https://www.jsonfeed.org/2020/08/07/json-feed-version.html',
    });
    expect(records[0]!.abstract).toMatch(/^<p>We&rsquo;ve updated the spec to <a href="https:\/\/jsonfeed\.org\/version\/1\.1">/u);
  });

  it('rejects malformed JSON with a FeedParseError', () => {
    const truncated = read(`${SAMPLES}jsonfeed-1.1-simple.json`).slice(0, 200);
    expect(jsonFeedParser.detect(truncated)).toBe(true);
    expect(() => jsonFeedParser.parse(truncated, context)).toThrow(FeedParseError);
  });
});

describe('no entity is expanded from a DOCTYPE, and none is fetched', () => {
  const billionLaughs = [
    '<!ENTITY lol "lol">',
    ...Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i === 0 ? '' : i + 1};`.repeat(10)}">`),
  ].join('');
  const cases = [
    ['rss', genericRssParser, `${HF_FEEDS}feed.xml`, 'rss', 'OSReward: Instituting'],
    ['rdf', genericRdfParser, `${SAMPLES}nature-rss1-rdf-shape.xml`, 'rdf:RDF', '<![CDATA[Direct electrochemical'],
    ['atom', genericAtomParser, `${FEED_EXTRACTOR}atom-feed-standard.xml`, 'feed', 'Atom-Powered Robots'],
  ] as const;

  /** A real feed with a DOCTYPE put in front, `reference` used at the start of its first entry's title. */
  function withDoctype(path: string, root: string, titleStart: string, declarations: string, reference: string): string {
    const text = read(path).replace(/^<\?xml[^>]*\?>/u, '');
    const titled = text.replace(`<title>${titleStart}`, `<title>${reference}${titleStart}`);
    expect(titled).not.toBe(text);
    return `<?xml version="1.0"?><!DOCTYPE ${root} [${declarations}]>${titled}`;
  }

  it.each(cases)('%s: a billion-laughs reference stays as written, and the feed is read at once', (_format, parser, path, root, titleStart) => {
    const text = withDoctype(path, root, titleStart, billionLaughs, '&lol9;');
    const started = performance.now();
    const { records } = parser.parse(text, context);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(records[0]!.title.startsWith(`&lol9;${titleStart.replace('<![CDATA[', '')}`)).toBe(true);
  });

  it.each(cases)('%s: a feed that declares an external entity is refused', (_format, parser, path, root, titleStart) => {
    const text = withDoctype(path, root, titleStart, '<!ENTITY secret SYSTEM "file:///etc/passwd">', '&secret;');
    expect(() => parser.parse(text, context)).toThrow(/External entities are not supported/u);
    expect(() => parser.parse(text, context)).toThrow(FeedParseError);
  });
});
