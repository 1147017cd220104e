import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../shared/feeds/errors';
import { hfDailyJsonParser } from '../../shared/feeds/formats/hf-daily-json';
import { hfPapersTextParser } from '../../shared/feeds/formats/hf-papers-text';
import { jsonlDailyParser } from '../../shared/feeds/formats/jsonl-daily';
import { parsePythonLiteral, PythonLiteralError } from '../../shared/feeds/formats/python-literal';
import type { FormatParser } from '../../shared/feeds/raw-record';
import { FIXTURES_DIR, missingShared, readFixture as read, readShared, SEED_FILES, SHARED_DIR } from '../shared-paths';

const context = { modifiedAt: new Date('2026-03-26T12:00:00Z') };
/** The files of a feeds folder under a root: test/fixtures (the default), or ../shared. */
const filesIn = (dir: string, ending: string, root = FIXTURES_DIR) =>
  readdirSync(root + dir)
    .filter((name) => name.endsWith(ending))
    .sort()
    .map((name) => `${dir}/${name}`);
/** test/fixtures holds four of the eight newsletter dumps (the odd layouts) and the first lines of the two crawls. */
const NO_WHOLE_FILES = missingShared('hf-formats counts every paper of the whole newsletter and daily-crawl folders in ../shared/feeds/real');

const HF_SAMPLE = 'feeds/samples/hf-daily-papers.json';
const NEWSLETTER = 'feeds/real/hf-daily-paper-newsletter-chinese';
const JSONL = 'feeds/real/daily-arXiv-ai-enhanced';
const PAGE_EXPORT = 'feeds/samples/hf-papers-page-export-with-urls.txt';
const PAGE_PLAIN = 'feeds/samples/hf-papers-page-plaintext.txt';

describe('hf-daily-json: huggingface.co/api/daily_papers', () => {
  it('reads the sample item', () => {
    const { records, problems } = hfDailyJsonParser.parse(read(HF_SAMPLE), context);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      {
        title: 'Large Multimodal Models as General In-Context Classifiers',
        titleIsMarkup: false,
        abstract: expect.stringMatching(/^Which multimodal model should we use for classification\? .* their "in-context" equivalent\. .* a flexible alternative to specialized models\.$/su),
        abstractIsHtml: false,
        authors: ['Marco Garosi', 'Matteo Farina', 'Alessandro Conti', 'Massimiliano Mancini', 'Elisa Ricci'].map((name) => ({ name, affiliations: [] })),
        published: '2026-02-26T17:08:18.000Z',
        updated: null,
        identifiers: ['arXiv:2602.23229', 'https://huggingface.co/papers/2602.23229'],
        link: 'https://huggingface.co/papers/2602.23229',
        pdfLink: null,
        doi: null,
        categories: [],
        primaryCategory: null,
        comment: null,
        journalRef: null,
        announceType: null,
        isArxivSource: true,
      },
    ]);
  });

  const NEWSLETTER_COUNTS: [string, number][] = [
    ['2024-05-27.json', 13],
    ['2024-12-11.json', 26],
    ['2024-12-20.json', 16],
    ['2025-01-10.json', 9],
    ['2025-07-22.json', 16],
    ['2025-12-10.json', 10],
    ['2026-04-29.json', 19],
    ['2026-08-21.json', 17],
  ];
  const copied = filesIn(NEWSLETTER, '.json').map((path) => path.slice(NEWSLETTER.length + 1));

  it.each(NEWSLETTER_COUNTS.filter(([name]) => copied.includes(name)))('reads every paper of %s (%i)', (name, count) => {
    expectDailyPapers(hfDailyJsonParser.parse(read(`${NEWSLETTER}/${name}`), context), count);
  });

  it.skipIf(NO_WHOLE_FILES).each(NEWSLETTER_COUNTS.filter(([name]) => !copied.includes(name)))('reads every paper of %s in ../shared (%i)', (name, count) => {
    expectDailyPapers(hfDailyJsonParser.parse(readShared(`${NEWSLETTER}/${name}`), context), count);
  });

  function expectDailyPapers({ records, problems }: ReturnType<FormatParser['parse']>, count: number) {
    expect(problems).toEqual([]);
    expect(records).toHaveLength(count);
    for (const record of records) {
      expect(record.identifiers[0]).toMatch(/^arXiv:\d{4}\.\d{5}$/u);
      expect(record.link).toBe(`https://huggingface.co/papers/${record.identifiers[0]!.slice('arXiv:'.length)}`);
      expect(record.title.trim()).not.toBe('');
      expect(record.abstract?.length).toBeGreaterThan(100);
      expect(record.authors.length).toBeGreaterThan(0);
      expect(record.published).toMatch(/^\d{4}-\d{2}-\d{2}T/u);
    }
  }

  it('covers every file in the newsletter folder', () => {
    expect(copied).toHaveLength(4);
    expect(copied.every((name) => NEWSLETTER_COUNTS.some(([listed]) => listed === name))).toBe(true);
  });

  it.skipIf(NO_WHOLE_FILES)('covers every file in the newsletter folder in ../shared', () => {
    expect(filesIn(NEWSLETTER, '.json', SHARED_DIR).map((path) => path.slice(NEWSLETTER.length + 1))).toEqual(NEWSLETTER_COUNTS.map(([name]) => name));
  });

  it('takes the paper title, not the item title, in the plain-array variant', () => {
    const [first] = hfDailyJsonParser.parse(read(`${NEWSLETTER}/2024-05-27.json`), context).records;
    expect(first!.title).toBe('ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal\n  Models');
    expect(first!.published).toBe('2024-05-24T17:34:15.000Z');
  });

  it('decodes Python repr items: escapes, non-ASCII names and double-quoted strings', () => {
    const wrapped = hfDailyJsonParser.parse(read(`${NEWSLETTER}/2025-01-10.json`), context).records;
    expect(wrapped[4]).toMatchObject({
      title: 'Centurio: On Drivers of Multilingual Ability of Large Vision-Language\n  Model',
      identifiers: ['arXiv:2501.05122', 'https://huggingface.co/papers/2501.05122'],
      published: '2025-01-09T10:26:14.000Z',
      isArxivSource: true,
    });
    expect(wrapped[4]!.abstract).toMatch(/^Most Large Vision-Language Models \(LVLMs\) to date are trained predominantly\non English data/u);
    expect(wrapped[4]!.abstract).toContain('as little as 25-50\\% of non-English data');
    expect(wrapped[4]!.authors).toContainEqual({ name: 'Goran Glavaš', affiliations: [] });
    expect(wrapped[8]!.authors).toEqual(
      ['Şaziye Betül Özateş', 'Tarık Emre Tıraş', 'Ece Elif Adak', 'Berat Doğan', 'Fatih Burak Karagöz', 'Efe Eren Genç', 'Esma F. Bilgin Taşdemir'].map(
        (name) => ({ name, affiliations: [] }),
      ),
    );

    const listed = hfDailyJsonParser.parse(read(`${NEWSLETTER}/2024-12-11.json`), context).records;
    expect(listed[23]!.authors).toContainEqual({ name: "Felice Dell'Orletta", affiliations: [] });
    expect(listed[1]!.abstract!.endsWith('alignment.\\url{https://codearenaeval.github.io/ }')).toBe(true);
  });

  it('names each unreadable item by index and says when the wrapper count is off', () => {
    const wrapper = JSON.parse(read(`${NEWSLETTER}/2025-01-10.json`)) as { count: number; data: string[] };
    wrapper.data[2] = wrapper.data[2]!.slice(0, 400);
    wrapper.data[5] = "{'nopaper': 1}";
    wrapper.data.pop();
    const { records, problems } = hfDailyJsonParser.parse(JSON.stringify(wrapper), context);
    expect(records).toHaveLength(6);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe('the file says it holds 9 papers but has 8');
    expect(problems[1]).toMatch(/^skipped the item at index 2: not a readable Python dict \(unterminated string at offset 400\)$/u);
    expect(problems[2]).toBe('skipped the item at index 5: it has no "paper" object');
  });

  it('refuses a file none of whose items can be read, or that is not JSON', () => {
    const items = JSON.parse(read(`${NEWSLETTER}/2024-12-20.json`)) as string[];
    const broken = JSON.stringify(items.map((item) => item.slice(0, 100)));
    expect(() => hfDailyJsonParser.parse(broken, context)).toThrow(FeedParseError);
    expect(() => hfDailyJsonParser.parse(broken, context)).toThrow(/^no daily paper could be read: the item at index 0/u);
    expect(() => hfDailyJsonParser.parse(read(HF_SAMPLE).slice(0, 200), context)).toThrow(/^not valid JSON/u);
    expect(() => hfDailyJsonParser.parse('{"status": "error", "message": "rate limited"}', context)).toThrow(/status "error"/u);
  });
});

describe('jsonl-daily: one arXiv listing object a line', () => {
  // The copies in test/fixtures are the first lines of each crawl, with two that list a paper again.
  it.each([
    ['2025-03-18.jsonl', 22, 20],
    ['2026-07-01.jsonl', 33, 31],
  ])('reads every line of %s (%i lines, %i distinct papers)', (name, lines, distinct) => {
    expectListing(jsonlDailyParser.parse(read(`${JSONL}/${name}`), context), lines, distinct);
  });

  it.skipIf(NO_WHOLE_FILES).each([
    ['2025-03-18.jsonl', 465, 328],
    ['2026-07-01.jsonl', 371, 301],
  ])('reads every line of the whole %s in ../shared (%i lines, %i distinct papers)', (name, lines, distinct) => {
    expectListing(jsonlDailyParser.parse(readShared(`${JSONL}/${name}`), context), lines, distinct);
  });

  function expectListing({ records, problems }: ReturnType<FormatParser['parse']>, lines: number, distinct: number) {
    expect(problems).toEqual([]);
    expect(records).toHaveLength(lines);
    // The crawl lists a paper once per category it was fetched under; the merge folds them.
    expect(new Set(records.map((record) => record.identifiers[0])).size).toBe(distinct);
    for (const record of records) {
      const id = record.identifiers[0]!.slice('arXiv:'.length);
      expect(record.identifiers).toEqual([`arXiv:${id}`, `https://arxiv.org/abs/${id}`, `https://arxiv.org/pdf/${id}`]);
      expect(record.categories.length).toBeGreaterThan(0);
    }
  }

  it('covers every file in the folder', () => {
    expect(filesIn(JSONL, '.jsonl')).toHaveLength(2);
  });

  it('copies one line exactly', () => {
    const record = jsonlDailyParser.parse(read(`${JSONL}/2026-07-01.jsonl`), context).records.find((each) => each.identifiers[0] === 'arXiv:2606.31029')!;
    expect(record).toEqual({
      title: 'TerraDiT-$Ω$: Unified Spatial Control for Satellite Image Synthesis with Any Geospatial Primitive',
      titleIsMarkup: false,
      abstract: expect.stringMatching(/^Generative models have achieved remarkable progress, .* We introduce TerraDiT-\$Ω\$, .* available at https:\/\/github\.com\/mvrl\/TerraDiT\.$/su),
      abstractIsHtml: false,
      authors: ['Brian Wei', 'Srikumar Sastry', 'Daniel Cher', 'Eric Xing', 'Nathan Jacobs'].map((name) => ({ name, affiliations: [] })),
      published: null,
      updated: null,
      identifiers: ['arXiv:2606.31029', 'https://arxiv.org/abs/2606.31029', 'https://arxiv.org/pdf/2606.31029'],
      link: 'https://arxiv.org/abs/2606.31029',
      pdfLink: 'https://arxiv.org/pdf/2606.31029',
      doi: null,
      categories: ['cs.CV'],
      primaryCategory: null,
      comment: 'European Conference on Computer Vision 2026',
      journalRef: null,
      announceType: null,
      isArxivSource: true,
    });
    const older = jsonlDailyParser.parse(read(`${JSONL}/2025-03-18.jsonl`), context).records[1]!;
    expect(older).toMatchObject({
      title: 'Safe Vision-Language Models via Unsafe Weights Manipulation',
      authors: expect.arrayContaining([{ name: "Moreno D'Incà", affiliations: [] }]),
      categories: ['cs.CV', 'cs.AI'],
      comment: 'Work in progress',
    });
    expect(older.abstract).toMatch(/^Vision-language models \(VLMs\) often inherit the biases and unsafe\nassociations/u);
  });

  it('skips bad lines by number and keeps the rest', () => {
    const lines = read(`${JSONL}/2025-03-18.jsonl`).split('\n');
    const papers = lines.filter((line) => line !== '').length;
    lines[2] = lines[2]!.slice(0, 80);
    lines[4] = '[1, 2]';
    const { records, problems } = jsonlDailyParser.parse(lines.join('\n'), context);
    expect(records).toHaveLength(papers - 2);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^skipped line 3: not valid JSON \(.+\)$/u);
    expect(problems[1]).toBe('skipped line 5: not a paper object with an id, a title and a summary or abs link');
  });

  it('refuses a file with no good line', () => {
    const firstLine = read(`${JSONL}/2025-03-18.jsonl`).split('\n')[0]!;
    expect(() => jsonlDailyParser.parse(`${firstLine.slice(0, 50)}\n{"a": 1}\n`, context)).toThrow(FeedParseError);
    expect(() => jsonlDailyParser.parse(`${firstLine.slice(0, 50)}\n{"a": 1}\n`, context)).toThrow(/^no line holds a paper: line 1: not valid JSON/u);
    expect(() => jsonlDailyParser.parse('\n\n', context)).toThrow(/^the file has no lines$/u);
  });
});

describe('hf-papers-text: the web-clipper export of the papers page', () => {
  it('reads each paper with its id, link and own date', () => {
    const { records, problems } = hfPapersTextParser.parse(read(PAGE_EXPORT), context);
    expect(problems).toEqual([]);
    expect(records.map((record) => [record.title, record.identifiers, record.link, record.published])).toEqual([
      [
        'Better than Your Teacher: LLM Agents that learn from Privileged AI Feedback',
        ['arXiv:2410.05434', 'https://huggingface.co/papers/2410.05434'],
        'https://huggingface.co/papers/2410.05434',
        'Oct 7, 2024',
      ],
      [
        'Arctic-SnowCoder: Demystifying High-Quality Data in Code Pretraining',
        ['arXiv:2409.02326', 'https://huggingface.co/papers/2409.02326'],
        'https://huggingface.co/papers/2409.02326',
        'Sep 3, 2024',
      ],
      [
        'Soft Instruction De-escalation Defense',
        ['arXiv:2510.21057', 'https://huggingface.co/papers/2510.21057'],
        'https://huggingface.co/papers/2510.21057',
        'Oct 23, 2025',
      ],
    ]);
    expect(records.map((record) => record.abstract)).toEqual([
      'While large language models (LLMs) show impressive decision-making abilities, current methods lack a mechanism for automatic self-improvement from errors during task execution. (abridged)',
      'Recent studies have been increasingly demonstrating that high-quality data is crucial for effective pretraining of language models. (abridged)',
      'Large Language Models (LLMs) are increasingly deployed in agentic systems that interact with an external environment; this makes them susceptible to prompt injections when dealing with untrusted data. (abridged)',
    ]);
    expect(records.every((record) => !record.titleIsMarkup && !record.abstractIsHtml && record.authors.length === 0)).toBe(true);
  });

  it('falls back to the page date when a paper shows none, and keeps a title whose abstract is missing', () => {
    const text = read(PAGE_EXPORT)
      .replace(/\n\nOct 7, 2024\n/u, '\n')
      .replace(/(Soft Instruction De-escalation Defense\n\nhttps:\/\/huggingface\.co\/papers\/2510\.21057)\n\nLarge Language Models[^\n]*\n/u, '$1\n');
    const { records } = hfPapersTextParser.parse(text, context);
    expect(records.map((record) => [record.published, record.abstract === null])).toEqual([
      ['2026-03-25', false],
      ['Sep 3, 2024', false],
      ['Oct 23, 2025', true],
    ]);
  });

  it('reads the clean sample page', () => {
    const { records, problems } = hfPapersTextParser.parse(read(PAGE_PLAIN), context);
    expect(problems).toEqual([]);
    expect(records.map((record) => record.title)).toEqual([
      'Better than Your Teacher: LLM Agents that learn from Privileged AI Feedback',
      'InterCode: Standardizing and Benchmarking Interactive Coding with Execution Feedback',
      'LLM-Supported Natural Language to Bash Translation',
      'code2seq: Generating Sequences from Structured Representations of Code',
    ]);
    expect(records.every((record) => record.published === '2026-03-25' && record.identifiers.length === 0)).toBe(true);
  });
});

describe('the Python literal reader', () => {
  it('reads dicts, lists, numbers and constants', () => {
    expect(parsePythonLiteral("{'a': [1, -2, 3.5, 1e-05, -2.5E+3, .5, 7.], 'b': {'c': True, 'd': False, 'e': None}, 'f': [], 'g': {}}")).toEqual({
      a: [1, -2, 3.5, 0.00001, -2500, 0.5, 7],
      b: { c: true, d: false, e: null },
      f: [],
      g: {},
    });
  });

  it('allows trailing commas and line breaks, and turns other keys into strings as json.dumps does', () => {
    expect(parsePythonLiteral("{\n  'a': [1,\n 2,],\n  3: 'x',\n  None: 0,\n  True: 1,\n}")).toEqual({ a: [1, 2], 3: 'x', null: 0, true: 1 });
  });

  it('reads both quote styles with the other quote inside', () => {
    expect(parsePythonLiteral(`["Felice Dell'Orletta", 'say "hi"', 'it\\'s', "a \\"b\\""]`)).toEqual([
      "Felice Dell'Orletta",
      'say "hi"',
      "it's",
      'a "b"',
    ]);
  });

  it('decodes every escape Python writes', () => {
    expect(parsePythonLiteral(String.raw`'\\ \n\r\t\a\b\f\v \x41\xe9 \u00e9\u2028 \U0001F600 \ud83d\ude00 \101\0\7'`)).toBe(
      '\\ \n\r\t\u0007\b\f\v A\u00e9 \u00e9\u2028 \u{1F600} \u{1F600} A\u0000\u0007',
    );
    expect(parsePythonLiteral("'line\\\ncontinued'")).toBe('linecontinued');
    expect(parsePythonLiteral(String.raw`'unknown \q and \%'`)).toBe('unknown \\q and \\%');
    expect(parsePythonLiteral("u'Python 2 \\u00fc'")).toBe('Python 2 ü');
    expect(parsePythonLiteral("'Şaziye Betül Özateş'")).toBe('Şaziye Betül Özateş');
  });

  it('keeps a "__proto__" key as an ordinary key', () => {
    const value = parsePythonLiteral("{'__proto__': {'polluted': True}}") as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it.each([
    ['', /the text ends where a value should be at offset 0/u],
    ["'open", /unterminated string/u],
    ["'raw\nnewline'", /unterminated string/u],
    ["{'a' 1}", /expected ":" after a dict key/u],
    ['[1 2]', /expected "," or "\]"/u],
    ['{1, 2}', /expected ":" after a dict key/u],
    ['(1, 2)', /not a literal: \(/u],
    ['[007]', /leading zero/u],
    ['0x1F', /not a decimal int or float/u],
    ["'\\x4'", /truncated escape/u],
    ["'\\U00110000'", /beyond the last Unicode code point/u],
    ["'\\N{BULLET}'", /\\N\{name\} escapes are not read/u],
    ["'''triple'''", /triple-quoted/u],
    ["{'a': 1} extra", /unexpected text after the value at offset 9/u],
    ['[nan, inf]', /not a literal: nan/u],
    ['[1,\u00a02]', /not a literal: \u00a0/u],
    ['toString', /not a literal: toString/u],
    ["{['list']: 1}", /a dict key must be a str, number or constant/u],
    ['['.repeat(100_000), /nested too deeply/u],
  ])('refuses %j', (text, reason) => {
    expect(() => parsePythonLiteral(text)).toThrow(PythonLiteralError);
    expect(() => parsePythonLiteral(text)).toThrow(reason);
  });
});

describe('detection', () => {
  const randomBytes = pseudoRandomBytes(4096);
  const parsers: [string, FormatParser][] = [
    ['hf-daily-json', hfDailyJsonParser],
    ['jsonl-daily', jsonlDailyParser],
    ['hf-papers-text', hfPapersTextParser],
  ];
  // The copies in test/fixtures always; the whole folders beside the repository when ../shared is there.
  const corpora = [
    { name: 'the copies in test/fixtures', root: FIXTURES_DIR, others: 13, skip: false },
    { name: '../shared', root: SHARED_DIR, others: 19, skip: missingShared('hf-formats runs its detectors over the files of ../shared/feeds') },
  ];

  for (const { name, root, others: otherCount, skip } of corpora) {
    describe.skipIf(skip)(`over ${name}`, () => {
      const files = (dir: string, ending: string) => (skip ? [] : filesIn(dir, ending, root));
      const text = (path: string) => readFileSync(root + path, 'utf8');
      const hfDailyFiles = [HF_SAMPLE, ...files(NEWSLETTER, '.json')];
      const jsonlFiles = files(JSONL, '.jsonl');
      const pageFiles = [PAGE_PLAIN, PAGE_EXPORT, ...SEED_FILES.map((seed) => `feeds/seeds/${seed}`)];
      const otherFiles = [
        ...files('feeds/samples', '.xml'),
        ...files('feeds/samples', '.json').filter((path) => path.includes('jsonfeed-')),
        ...files('feeds/real/huggingface-daily-paper-feed', '.xml'),
        ...files('feeds/real/arxiv-rss-filter', '.json'),
      ];
      const cases: [string, FormatParser, string[]][] = [
        ['hf-daily-json', hfDailyJsonParser, hfDailyFiles],
        ['jsonl-daily', jsonlDailyParser, jsonlFiles],
        ['hf-papers-text', hfPapersTextParser, pageFiles],
      ];

      it('finds the files it checks', () => {
        expect(otherFiles).toHaveLength(otherCount);
        expect(otherFiles.filter((path) => path.includes('jsonfeed-'))).toHaveLength(3);
      });

      describe.each(cases)('%s', (_format, parser, own) => {
        it.each(own)('accepts %s', (path) => {
          expect(parser.detect(text(path))).toBe(true);
        });

        it("rejects the other formats' files", () => {
          const others = [...hfDailyFiles, ...jsonlFiles, ...pageFiles, ...otherFiles].filter((path) => !own.includes(path));
          expect(others.filter((path) => parser.detect(text(path)))).toEqual([]);
        });
      });
    });
  }

  describe.each(parsers)('%s', (_format, parser) => {
    it('rejects an empty file and random bytes', () => {
      expect(parser.detect('')).toBe(false);
      expect(parser.detect('   \n\n  ')).toBe(false);
      expect(parser.detect(randomBytes)).toBe(false);
    });
  });

  it('jsonl-daily does not claim a JSON array or a one-line JSON Feed', () => {
    const firstLine = read(`${JSONL}/2025-03-18.jsonl`).split('\n')[0]!;
    expect(jsonlDailyParser.detect(`[${firstLine}]`)).toBe(false);
    const jsonFeed = JSON.stringify(JSON.parse(read('feeds/samples/jsonfeed-1.1-simple.json')));
    expect(jsonlDailyParser.detect(jsonFeed)).toBe(false);
    expect(hfDailyJsonParser.detect(jsonFeed)).toBe(false);
  });

  it('hf-daily-json claims its files however they are laid out', () => {
    expect(hfDailyJsonParser.detect(JSON.stringify(JSON.parse(read(HF_SAMPLE))))).toBe(true);
    expect(hfDailyJsonParser.detect(`\uFEFF${read(`${NEWSLETTER}/2025-01-10.json`)}`)).toBe(true);
  });
});

/** Deterministic noise over all byte values, NULs included, as a file read as Latin-1 would give. */
function pseudoRandomBytes(length: number): string {
  let state = 0x2545f491;
  let text = '';
  for (let index = 0; index < length; index += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    text += String.fromCharCode(state >>> 24);
  }
  return text;
}
