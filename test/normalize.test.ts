import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDomHtmlTools } from '../electron/core/dom-html-tools';
import { emptyRecord } from '../shared/feeds/raw-record';
import { parseArxivRef, findArxivRef } from '../shared/normalize/arxiv-id';
import { normaliseAuthors } from '../shared/normalize/authors';
import { toIsoDate } from '../shared/normalize/dates';
import { parseDoi } from '../shared/normalize/doi';
import { foldLatex } from '../shared/normalize/latex';
import { normaliseRecord } from '../shared/normalize/record';
import { collapseWhitespace, isBlankTitle, normaliseTitle } from '../shared/normalize/title';
import { canonicalUrl } from '../shared/normalize/url';

const html = createDomHtmlTools();

describe('arXiv ids', () => {
  it.each([
    ['oai:arXiv.org:2203.01250v3', '2203.01250', 3],
    ['https://arxiv.org/abs/2401.01234', '2401.01234', null],
    ['http://arxiv.org/pdf/2401.01234v2.pdf', '2401.01234', 2],
    ['arXiv:2503.11731v1', '2503.11731', 1],
    ['https://huggingface.co/papers/2410.05434', '2410.05434', null],
    ['10.48550/arXiv.2306.00001', '2306.00001', null],
    ['https://doi.org/10.48550/ARXIV.2306.00001', '2306.00001', null],
    ['hep-th/9901001v2', 'hep-th/9901001', 2],
    ['http://arxiv.org/abs/math.GT/0309136v1', 'math.GT/0309136', 1],
    ['oai:arXiv.org:cond-mat/0011100', 'cond-mat/0011100', null],
    ['2602.23229', '2602.23229', null],
  ])('%s → %s v%s', (value, id, version) => {
    expect(parseArxivRef(value)).toEqual({ id, version });
  });

  it.each(['https://example.org/2401.01234', 'Phone 2401.01234 ext', '10.1103/PhysRevD.1.1', 'version 2401.012'])('finds none in %s', (value) => {
    expect(parseArxivRef(value)).toBeNull();
  });

  it('takes the version from a later sighting of the same id', () => {
    expect(findArxivRef(['https://arxiv.org/abs/2401.01234', 'oai:arXiv.org:2401.01234v4'])).toEqual({ id: '2401.01234', version: 4 });
  });
});

describe('DOIs, URLs and dates', () => {
  it('reads DOIs in every spelling, lower-cased', () => {
    expect(parseDoi('https://doi.org/10.1038/S41929-019-0334-3')).toBe('10.1038/s41929-019-0334-3');
    expect(parseDoi('doi:10.1016/j.jpeds.2018.08.041.')).toBe('10.1016/j.jpeds.2018.08.041');
    expect(parseDoi('info:doi/10.1101/2019.11.26.866699')).toBe('10.1101/2019.11.26.866699');
    expect(parseDoi('no doi here')).toBeNull();
  });

  it('spells each web page one way, and refuses anything but http(s)', () => {
    expect(canonicalUrl('HTTP://Example.org:80/paper/?utm_source=rss&id=7#top')).toBe('https://example.org/paper?id=7');
    expect(canonicalUrl('https://example.org/')).toBe(canonicalUrl('https://EXAMPLE.org'));
    expect(canonicalUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalUrl('file:///etc/passwd')).toBeNull();
  });

  it('drops a user name and password, so that a link shows the host it goes to', () => {
    expect(canonicalUrl('https://arxiv.org@example.com/abs/1')).toBe('https://example.com/abs/1');
    expect(canonicalUrl('https://arxiv.org:abs@Example.com:443/x')).toBe('https://example.com/x');
    expect(canonicalUrl('https://a@b@example.com/')).toBe('https://example.com');
    expect(canonicalUrl('https://example.com/@arxiv.org')).toBe('https://example.com/@arxiv.org');
    expect(canonicalUrl('https://arxiv.org@/abs/1')).toBeNull();
    expect(canonicalUrl('https://arxiv.org\\@example.com/')).toBeNull();
  });

  it('keeps the host a browser goes to, whatever user name and password a link carries', () => {
    const userinfo = fc.stringMatching(/^[\w.:%@-]{1,20}$/u);
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }), userinfo, (url, user) => {
        const withUser = url.replace('://', `://${user}@`);
        const browsers = URL.parse(withUser);
        const canonical = canonicalUrl(withUser);
        if (!browsers || browsers.hostname === '') return;
        expect(canonical).not.toBeNull();
        const parsed = new URL(canonical!);
        expect([parsed.username, parsed.password, parsed.hostname]).toEqual(['', '', browsers.hostname]);
      }),
    );
  });

  it.each([
    ['Fri, 23 Feb 2024 00:00:00 -0500', '2024-02-23'],
    ['Mon, 01 Jan 2024 23:00:00 -0500', '2024-01-01'],
    ['2026-02-26T17:08:18.000Z', '2026-02-26'],
    ['Oct 7, 2024', '2024-10-07'],
    ['2019-11-29', '2019-11-29'],
    ['31 Feb 2024', null],
    ['yesterday', null],
    [null, null],
  ])('%s → %s', (raw, iso) => {
    expect(toIsoDate(raw)).toBe(iso);
  });
});

describe('LaTeX and authors', () => {
  it.each([
    ["Ivan Vuli\\'c", 'Ivan Vulić'],
    ["Lu\\'isa Coheur", 'Luísa Coheur'],
    ['G\\"{o}del and \\v{S}koda', 'Gödel and Škoda'],
    ['Erd\\H{o}s, Fran\\c cois, \\L ukasz', 'Erdős, François, Łukasz'],
    ["a ``token'' is", 'a “token” is'],
    ['models (\\eg, DINOv2)', 'models (e.g., DINOv2)'],
    ['20times faster, a ktimes k grouping, sometimes', '20× faster, a k×k grouping, sometimes'],
    ['13\\% increase', '13% increase'],
    ["keeps $\\vec{v}\\'$ math", "keeps $\\vec{v}\\'$ math"],
  ])('folds %s', (source, folded) => {
    expect(foldLatex(source)).toBe(folded);
  });

  it("splits arXiv's joined creators, with affiliations that hold commas", () => {
    expect(normaliseAuthors("Ana Li (MIT, Cambridge), Ivan Vuli\\'c, Bo Wu and Cy Ng")).toEqual({
      names: ['Ana Li', 'Ivan Vulić', 'Bo Wu', 'Cy Ng'],
      affiliations: { 'Ana Li': ['MIT, Cambridge'] },
    });
  });
});

describe('text forms', () => {
  const texts = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc
      .array(fc.constantFrom('a', 'B', '1', ' ', '  ', '\n', '\t', '\u00a0', '\u2028', '\ufeff', 'é', 'e\u0301', 'ﬁ', 'Ⅻ', '-', '<SEG>'), { maxLength: 20 })
      .map((parts) => parts.join('')),
  );

  it('collapses every run of white space to one space, ends trimmed (property)', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(collapseWhitespace(text)).toBe(text.replace(/\s+/gu, ' ').trim());
      }),
    );
  });

  it('compares titles without case, accents, punctuation or spacing, ASCII or not (property)', () => {
    const reference = (title: string) =>
      title
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    fc.assert(
      fc.property(texts, (title) => {
        expect(normaliseTitle(title)).toBe(reference(title));
        expect(isBlankTitle(title)).toBe(reference(title) === '');
      }),
    );
  });
});

describe('a record', () => {
  it('gets an arXiv identity, derived links and folded text', () => {
    const paper = normaliseRecord(
      {
        ...emptyRecord('Tokens  and\n``types'),
        identifiers: ['oai:arXiv.org:2401.01234v2'],
        abstract: 'We show \\eg that $x^2$ grows.',
        authors: "Ivan Vuli\\'c",
        published: 'Fri, 23 Feb 2024 00:00:00 -0500',
        categories: ['cs.CL', 'cs.LG'],
        isArxivSource: true,
      },
      html,
    );
    expect(paper).toMatchObject({
      id: 'arxiv:2401.01234',
      arxivId: '2401.01234',
      version: 2,
      doi: '10.48550/arxiv.2401.01234',
      title: 'Tokens and ``types',
      abstract: 'We show e.g. that $x^2$ grows.',
      abstractSource: 'We show \\eg that $x^2$ grows.',
      authors: ['Ivan Vulić'],
      published: '2024-02-23',
      primaryCategory: 'cs.CL',
      links: { abs: 'https://arxiv.org/abs/2401.01234', pdf: 'https://arxiv.org/pdf/2401.01234', hf: 'https://huggingface.co/papers/2401.01234' },
    });
  });

  it('strips markup from HTML titles, sanitizes HTML abstracts, and keeps no script in either form', () => {
    const paper = normaliseRecord(
      {
        ...emptyRecord('ξ<sub>ion</sub> in <i>JWST</i> <script>alert(1)</script>'),
        titleIsMarkup: true,
        abstract: '<p>Line &amp; more<script>steal()</script><img src=x onerror=alert(1)></p><a href="javascript:x()">bad</a>',
        abstractIsHtml: true,
        link: 'https://journal.example/article/1',
      },
      html,
    )!;
    expect(paper.title).toBe('ξion in JWST');
    expect(paper.abstract).toBe('Line & more\n\nbad');
    expect(paper.abstractHtml).toBe('<p>Line &amp; more</p><a target="_blank" rel="noopener noreferrer">bad</a>');
    expect(paper.id).toBe('url:https://journal.example/article/1');
    expect(JSON.stringify(paper)).not.toMatch(/script|alert|steal|onerror|javascript:/u);
  });

  it('keeps a text title verbatim, and drops a record with no title', () => {
    expect(normaliseRecord(emptyRecord('How <SEG> Token Works'), html)!.title).toBe('How <SEG> Token Works');
    expect(normaliseRecord(emptyRecord('  \n '), html)).toBeNull();
  });
});
