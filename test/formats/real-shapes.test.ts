import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arxivSnapshot } from '../../shared/feeds/formats/arxiv-snapshot';
import { jsonlDailyParser } from '../../shared/feeds/formats/jsonl-daily';
import type { IngestBatch, Paper } from '../../shared/paper';
import { parseFile, parseText } from '../parse-file';
import { HAS_SHARED, missingShared, readFixture, REAL_DIR, SHARED_DIR } from '../shared-paths';

const FIXTURES = new URL('../fixtures/formats/', import.meta.url).pathname;
const fixture = (name: string) => readFileSync(FIXTURES + name, 'utf8');
const BOT_DIGEST = fixture('arxiv-bot-digest.xml');
const SNAPSHOT = fixture('arxiv-metadata-oai-snapshot.json');
const ARXIV_RSS_SAMPLE = readFixture('feeds/samples/arxiv-rss2-2024.xml');

/**
 * An HTML start or end tag. The looser `<\/?[a-z][^>]*>` also matches what abstracts rightly say in
 * plain text: "5.0<z<5.3 … M_*>10", "<i,j>", a model's "<think>" and "<SEG>" tokens.
 */
const HTML_TAG = /<\/?(?:p|br|div|span|a|b|i|u|s|em|strong|sub|sup|img|ul|ol|li|h[1-6]|table|tr|td|th|code|pre|blockquote|font|small)(?:\s[^<>]*)?\/?>/iu;

function paper(batch: IngestBatch, arxivId: string): Paper {
  const found = batch.papers.find((candidate) => candidate.arxivId === arxivId);
  if (!found) throw new Error(`no paper ${arxivId} among ${batch.papers.map((candidate) => candidate.arxivId).join(', ')}`);
  return found;
}

describe('arXiv RSS is arXiv’s own feeds only', () => {
  it('reads a bot’s digest that links to arxiv.org/abs as plain RSS, its HTML as HTML', () => {
    const batch = parseText(BOT_DIGEST, 'digest.xml');
    expect(batch.format).toBe('rss');
    expect(batch.errors).toEqual([]);
    expect(batch.papers.map((each) => each.arxivId).sort()).toEqual(['2506.01959', '2506.01966']);
    for (const each of batch.papers) {
      expect(each.abstract).not.toMatch(HTML_TAG);
      expect(each.abstractHtml).toMatch(/^<p>/u);
    }
    expect(paper(batch, '2506.01959').abstract).toMatch(/not captured by the previous measure\.$/u);
    expect(paper(batch, '2506.01966').abstract).toMatch(/Deep neural networks employ .* hardware-aware network design\.$/u);
  });

  const markers: [string, (text: string) => string][] = [
    ['a channel link on rss.arxiv.org', (text) => text.replace('https://github.com/example-lab/arxiv-digest', 'http://rss.arxiv.org/rss/cs.LG')],
    ['an atom:link on export.arxiv.org', (text) => text.replace('https://example-lab.github.io/arxiv-digest/feed.xml', 'https://export.arxiv.org/rss/cs.LG')],
    ['a channel link on arxiv.org/rss', (text) => text.replace('https://github.com/example-lab/arxiv-digest', 'https://arxiv.org/rss/cs.LG')],
    ['arXiv’s channel title', (text) => text.replace('Daily arXiv digest: optimization and deep learning', 'cs.LG updates on arXiv.org')],
    ['arXiv’s channel description', (text) => text.replace(/<description>Papers picked[^<]*/u, '<description>cs.LG updates on the arXiv.org e-print archive.')],
    ['arxiv:announce_type in arXiv’s namespace', withArxivAnnounceType],
  ];

  it.each(markers)('takes a feed with %s for arXiv’s own', (_marker, mark) => {
    expect(parseText(mark(BOT_DIGEST), 'digest.xml').format).toBe('arxiv-rss');
  });

  it.each([
    ['a look-alike host', (text: string) => text.replace('https://github.com/example-lab/arxiv-digest', 'https://rss.arxiv.org.example.com/cs.LG')],
    ['announce_type in another namespace', (text: string) => withArxivAnnounceType(text).replace('http://arxiv.org/schemas/atom', 'https://example.org/arxiv')],
    ['arXiv’s title on an item only', (text: string) => text.replace('<title>Matrix Is All You Need', '<title>cs.LG updates on arXiv.org')],
  ])('does not for %s', (_case, mark) => {
    expect(parseText(mark(BOT_DIGEST), 'digest.xml').format).toBe('rss');
  });

  it('keeps reading arXiv’s sample and the re-published arxiv-rss-filter feed as arXiv RSS', () => {
    expect(parseText(ARXIV_RSS_SAMPLE).format).toBe('arxiv-rss');
    expect(parseFile(`${REAL_DIR}arxiv-rss-filter/feed@11c67e9_2025-06-04.xml`).format).toBe('arxiv-rss');
  });

  it('never leaves a re-publisher’s HTML in arXiv RSS plain text', () => {
    const batch = parseText(withArxivAnnounceType(BOT_DIGEST), 'digest.xml');
    expect(batch.format).toBe('arxiv-rss');
    const symmetry = paper(batch, '2506.01959');
    expect(symmetry.abstract).toMatch(/^Symmetry plays a crucial role/u);
    expect(symmetry.abstract).toMatch(/not captured by the previous measure\.$/u);
    expect(symmetry.abstractHtml).not.toBeNull();
    expect(paper(batch, '2506.01966').abstract).not.toMatch(HTML_TAG);
  });

  it('splits arXiv’s head out of a description whose parts are in separate paragraphs', () => {
    const text = withArxivAnnounceType(BOT_DIGEST).replace('Announce Type: new \nAbstract:', 'Announce Type: replace</p><p>Abstract:');
    const symmetry = paper(parseText(text, 'digest.xml'), '2506.01959');
    expect(symmetry.abstract).toMatch(/^Symmetry plays a crucial role/u);
    expect(parseText(text, 'digest.xml').papers.find((each) => each.arxivId === '2506.01959')?.listings[0]?.announceType).toBe('replace');
  });

  it.each([
    [
      'arxiv-atom',
      '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>oai:arXiv.org:2401.00004v1</id><title>Wrapped</title>' +
        '<summary type="html">&lt;p&gt;arXiv:2401.00004v1 Announce Type: new &lt;/p&gt;&lt;p&gt;Abstract: We wrap.&lt;/p&gt;</summary></entry></feed>',
    ],
    [
      'feedparser-json',
      JSON.stringify({
        'https://example.org/digest.xml': {
          feed: { title: 'Digest' },
          entries: [{ id: 'oai:arXiv.org:2401.00004v1', title: 'Wrapped', summary: '<p>arXiv:2401.00004v1 Announce Type: new</p><p>Abstract: We wrap.</p>' }],
        },
      }),
    ],
  ])('never leaves a re-publisher’s HTML in %s plain text either', (format, text) => {
    const batch = parseText(text, 'copy');
    expect(batch.format).toBe(format);
    expect(paper(batch, '2401.00004')).toMatchObject({ abstract: 'We wrap.', abstractHtml: expect.stringContaining('We wrap.') });
  });

  it('keeps arXiv’s plain text plain when it writes an expectation value as <p>', () => {
    const text = ARXIV_RSS_SAMPLE.replace('We consider first order', 'The mean momentum &lt;p&gt; and &lt;s&gt; enter. We consider first order');
    const [only] = parseText(text).papers;
    expect(only?.abstract).toMatch(/^The mean momentum <p> and <s> enter\. We consider/u);
    expect(only?.abstractHtml).toBeNull();
  });
});

describe('the arXiv metadata snapshot (arxiv-metadata-oai-snapshot.json)', () => {
  const batch = parseText(SNAPSHOT, 'arxiv-metadata-oai-snapshot.json');

  it('is read one paper a line', () => {
    expect(batch.format).toBe('arxiv-snapshot');
    expect(batch.errors).toEqual([]);
    expect(batch.papers.map((each) => each.arxivId)).toEqual(['0704.0001', '0704.0002', 'math/0612264', 'quant-ph/0101133']);
  });

  it('reads every field of the first line', () => {
    expect(paper(batch, '0704.0001')).toMatchObject({
      id: 'arxiv:0704.0001',
      version: 2,
      doi: '10.1103/physrevd.76.013009',
      title: 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
      abstractHtml: null,
      authors: ['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C. -P. Yuan'],
      published: '2007-04-02',
      updated: '2007-07-24',
      categories: ['hep-ph'],
      primaryCategory: 'hep-ph',
      comment: '37 pages, 15 figures; published version',
      journalRef: 'Phys.Rev.D76:013009,2007',
      links: { abs: 'https://arxiv.org/abs/0704.0001', doi: 'https://doi.org/10.1103/physrevd.76.013009' },
    });
    expect(paper(batch, '0704.0001').abstract).toMatch(/^A fully differential calculation .* judicious selection of events\.$/u);
  });

  it('keeps an old-style id and the LaTeX of its abstract', () => {
    const stable = paper(batch, 'math/0612264');
    expect(stable).toMatchObject({ id: 'arxiv:math/0612264', version: 2, categories: ['math.NA', 'cs.CC', 'cs.DS'], doi: '10.1007/s00211-007-0114-x' });
    expect(stable.authors).toEqual(['James Demmel', 'Ioana Dumitriu', 'Olga Holtz']);
    expect(stable.abstract).toContain('$O(n^{\\omega + \\eta})$ operations for any $\\eta > 0$');
  });

  it('takes affiliations from authors_parsed and cleans a wrapped journal-ref', () => {
    const bounds = paper(batch, 'quant-ph/0101133');
    expect(bounds.affiliations).toEqual({
      'Harry Buhrman': ['CWI and Univ. Amsterdam'],
      'J. Tromp': ['CWI and BioInformatics Solutions'],
      'Paul Vitanyi': ['CWI and Univ. Amsterdam'],
    });
    expect(bounds.journalRef).toMatch(/^Journal of Physics A: Mathematical and General, 34\(2001\), 6821.{1,2}6830\.$/u);
    expect([bounds.published, bounds.updated]).toEqual(['2001-01-29', '2001-04-19']);
  });

  it('writes a suffix after the name, falls back to the authors string, and gives one version no updated date', () => {
    const line = (fields: object) => JSON.stringify({ id: '2401.00001', title: 'T', abstract: 'A.', update_date: '2024-01-05', ...fields });
    const text = [
      line({ authors_parsed: [['King', 'Martin Luther', 'Jr', ''], ['', 'Plato', '']], versions: [{ version: 'v1', created: 'Tue, 2 Jan 2024 10:00:00 GMT' }] }),
      line({ id: '2401.00002', authors: 'Ana Li and Bo Wu', versions: [] }),
    ].join('\n');
    const read = parseText(text, 'snapshot.json');
    expect(read.format).toBe('arxiv-snapshot');
    expect(paper(read, '2401.00001')).toMatchObject({ authors: ['Martin Luther King Jr', 'Plato'], version: 1, published: '2024-01-02', updated: null });
    expect(paper(read, '2401.00002')).toMatchObject({ authors: ['Ana Li', 'Bo Wu'], version: null, published: null, updated: '2024-01-05' });
  });

  it('is told apart from the daily listing crawls', () => {
    const dailyLine = readFixture('feeds/real/daily-arXiv-ai-enhanced/2025-03-18.jsonl').split('\n')[0]!;
    expect(arxivSnapshot.detect(dailyLine)).toBe(false);
    expect(jsonlDailyParser.detect(SNAPSHOT)).toBe(false);
  });

  it('skips a broken line and says which', () => {
    const read = parseText(`${SNAPSHOT.split('\n')[0]}\n{"id": "0704.0002", "title": \n`, 'snapshot.json');
    expect(read.papers).toHaveLength(1);
    expect(read.errors.map((error) => error.message)).toEqual([expect.stringMatching(/^skipped line 2: not valid JSON/u)]);
  });
});

describe('documents that declare their own entities', () => {
  const REFUSAL = 'the file declares its own XML entities (<!ENTITY …>), which Paperdrop does not expand';
  const rss = (prolog: string, title: string) =>
    `${prolog}<rss version="2.0"><channel><title>F</title><link>https://example.org/</link><description>d</description>` +
    `<item><title>${title}</title><link>https://example.org/1</link><description>An abstract.</description></item></channel></rss>`;
  const laughs = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`)].join('');

  it.each([
    ['a billion-laughs bomb', rss(`<?xml version="1.0"?>\n<!DOCTYPE rss [${laughs}]>\n`, 'Paper &lol9;')],
    ['an external entity (XXE)', rss('<?xml version="1.0"?>\n<!DOCTYPE rss [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n', 'Paper &xxe;')],
    ['a parameter entity after a comment and a PUBLIC id', rss('\uFEFF<!-- c --><!DOCTYPE rss PUBLIC "-//X//EN" "x.dtd" [<!-- ]> --><!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>', 'Paper')],
    ['an Atom bomb', `<!DOCTYPE feed [${laughs}]><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:1</id><title>&lol9;</title></entry></feed>`],
  ])('refuses %s, and reads no paper from it', (_case, text) => {
    const batch = parseText(text, 'hostile.xml');
    expect(batch.papers).toEqual([]);
    expect(batch.format).toBeNull();
    expect(batch.errors.map((error) => error.message)).toEqual([REFUSAL]);
  });

  it('reads an RSS 0.91 file with its PUBLIC DOCTYPE', () => {
    const doctype = '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n';
    const batch = parseText(rss(doctype, 'An RSS 0.91 paper').replace('version="2.0"', 'version="0.91"'), 'old.rss');
    expect(batch.errors).toEqual([]);
    expect(batch.papers.map((each) => each.title)).toEqual(['An RSS 0.91 paper']);
  });

  it('reads a file whose paper only quotes an entity declaration', () => {
    const quoting = JSON.stringify({ id: '2401.00003', title: 'XXE in feed readers', abs: 'https://arxiv.org/abs/2401.00003', summary: 'We show <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]> leaks.' });
    const batch = parseText(quoting, 'daily.jsonl');
    expect(batch.format).toBe('jsonl-daily');
    expect(batch.papers).toHaveLength(1);
  });
});

describe.skipIf(missingShared('real-shapes checks the abstracts of every real feed in ../shared/feeds/real'))('the real feeds beside the repository', () => {
  const REAL = `${SHARED_DIR}feeds/real/`;
  const files = HAS_SHARED
    ? readdirSync(REAL, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => `${entry.parentPath}/${entry.name}`.slice(REAL.length))
        .sort()
    : [];
  // arXiv's own metadata for this paper has "]]<sub>q</sub>" typed by its authors, and arXiv keeps it as written.
  const AUTHORS_OWN_MARKUP: Record<string, string[]> = { 'arxivXMLParser/103.xml': ['quant-ph/0610153'] };

  it('finds them', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  // One test a file: together they take longer than one test may on a busy machine.
  it.each(files)('%s leaves no HTML tag in a plain-text abstract', (file) => {
    const tagged = parseFile(REAL + file).papers.filter((each) => HTML_TAG.test(each.abstract));
    expect(tagged.map((each) => each.arxivId ?? each.id)).toEqual(AUTHORS_OWN_MARKUP[file] ?? []);
  });
});

/** The digest with arXiv's namespace declared and its announce_type element on every item, as a copy of arXiv's listing has. */
function withArxivAnnounceType(text: string): string {
  return text
    .replace('<rss version="2.0"', '<rss version="2.0" xmlns:arxiv="http://arxiv.org/schemas/atom"')
    .replaceAll('</pubDate>', '</pubDate>\n      <arxiv:announce_type>new</arxiv:announce_type>');
}
