import { repairC1Controls } from '../shared/text/c1-controls';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes, type DecodedFeedText } from '../shared/text/decode-feed-bytes';
import { missingShared, PARSER_SUITES_DIR, SAMPLES_DIR, SHARED_DIR } from './shared-paths';

/** feedparser's whole encoding suite, in ../shared; the few files the unit tests below read are copied in test/fixtures. */
const FEEDPARSER_TESTS = `${SHARED_DIR}fixtures/feedparser/tests/`;
const FEEDPARSER_COPIES = `${PARSER_SUITES_DIR}feedparser/tests/`;
const RSS_PARSER_INPUT = `${PARSER_SUITES_DIR}rss-parser/test/input/`;
const SAMPLES = SAMPLES_DIR;
const CHARDET_DIR = 'illformed/chardet/';
const FIXTURE_DIRS = ['encoding/', CHARDET_DIR];

/** The share of translatable feedparser encoding fixtures that pass; raise it when more pass. */
const PASS_RATE_FLOOR = 27 / 27;

const CHARDET_REASON =
  'no declaration: feedparser guesses the encoding statistically (chardet); out of scope, such bytes fall back to windows-1252';
const OUT_OF_SCOPE: Readonly<Record<string, string>> = {
  'encoding/demoronize-2.xml': 'expects the character reference &#146; read as U+2019: a repair after XML parsing, not byte decoding',
  'encoding/demoronize-3.xml': "expects feedparser's re-escaping of the escaped reference &amp;#146;: not byte decoding",
  'encoding/bozo_linenoise.xml':
    'deliberate difference: feedparser re-decodes the whole file as windows-1252 for one invalid byte (and its sanitizer drops "<>"); ' +
    'we keep the valid UTF-8 and replace the byte (a unit test below checks that)',
};

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const baseName = (encoding: string): string => encoding.split(' (')[0] ?? encoding;
const hasProblemNote = (encoding: string): boolean => encoding.includes(' (');

type Outcome = { fixture: string; status: 'pass' | 'fail' | 'skip'; reason: string };

function pythonStringLiteral(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, escape: string) =>
    escape.length > 1 ? String.fromCharCode(Number.parseInt(escape.slice(1), 16)) : escape,
  );
}

/** Feedparser compares an element's parsed text; of the decoded document we can require its non-ASCII characters. */
function containsExpectedCharacters(text: string, expected: string): boolean {
  // eslint-disable-next-line no-control-regex -- the whole ASCII range, which starts with the control characters
  const nonAsciiRuns = expected.match(/[^\x00-\x7f]+/g);
  return nonAsciiRuns ? nonAsciiRuns.every((run) => text.includes(run)) : text.includes(expected);
}

/** One clause of an Expect line as a check of the decoded text, or undefined when it says nothing about decoding. */
function translateClause(clause: string): ((decoded: DecodedFeedText) => boolean) | undefined {
  if (clause === '1') return () => true;
  if (clause === 'bozo') return ({ encoding }) => hasProblemNote(encoding);
  if (clause === 'not bozo') return ({ encoding }) => !hasProblemNote(encoding);
  const encodingMatch = /^encoding == '([^']+)'$/.exec(clause);
  if (encodingMatch?.[1]) {
    const expected = encodingMatch[1].toLowerCase();
    return ({ encoding }) => baseName(encoding) === expected;
  }
  const textMatch = /^(?:feed|entries\[0\])(?:\['\w+'\]|\.\w+) == '((?:[^'\\]|\\.)*)'$/.exec(clause);
  if (textMatch?.[1] !== undefined) {
    const expected = pythonStringLiteral(textMatch[1]);
    return ({ text }) => containsExpectedCharacters(text, expected);
  }
  return undefined;
}

function runFixture(fixture: string): Outcome {
  const outOfScope = fixture.startsWith(CHARDET_DIR) ? CHARDET_REASON : OUT_OF_SCOPE[fixture];
  if (outOfScope) return { fixture, status: 'skip', reason: outOfScope };
  const decoded = decodeFeedBytes(read(`${FEEDPARSER_TESTS}${fixture}`));
  // The Expect comment is itself in the file's encoding: a wrong decoding loses it.
  const expect = /Expect:\s*(.*)/.exec(decoded.text)?.[1]?.trim();
  if (!expect) return { fixture, status: 'fail', reason: `no Expect line in the text decoded as ${decoded.encoding}` };
  const clauses = expect.split(/\s+and\s+/);
  const untranslatable = clauses.find((clause) => translateClause(clause) === undefined);
  if (untranslatable) return { fixture, status: 'skip', reason: `says nothing about bytes to text: ${untranslatable}` };
  const failed = clauses.filter((clause) => !translateClause(clause)?.(decoded));
  return failed.length === 0
    ? { fixture, status: 'pass', reason: decoded.encoding }
    : { fixture, status: 'fail', reason: `got ${decoded.encoding}; failed: ${failed.join(' and ')}` };
}

describe.skipIf(missingShared('the feedparser encoding conformance suite is in ../shared/fixtures'))('decodeFeedBytes on the feedparser encoding fixtures', () => {
  it('meets what their Expect lines say about bytes to text', () => {
    const fixtures = FIXTURE_DIRS.flatMap((dir) =>
      readdirSync(`${FEEDPARSER_TESTS}${dir}`)
        .filter((name) => name.endsWith('.xml'))
        .map((name) => `${dir}${name}`),
    );
    const outcomes = fixtures.map(runFixture);
    const evaluated = outcomes.filter((outcome) => outcome.status !== 'skip');
    const passed = evaluated.filter((outcome) => outcome.status === 'pass');
    const passRate = passed.length / evaluated.length;
    console.log(
      [
        `feedparser encoding fixtures: ${passed.length}/${evaluated.length} passed (${(passRate * 100).toFixed(1)}%), ` +
          `${outcomes.length - evaluated.length} skipped`,
        ...outcomes.map(({ fixture, status, reason }) => `  ${status.padEnd(4)} ${fixture}: ${reason}`),
      ].join('\n'),
    );
    expect(fixtures.length).toBe(40);
    expect(passRate).toBeGreaterThanOrEqual(PASS_RATE_FLOOR);
  });

  it('falls back to windows-1252 with a note for undeclared legacy CJK, Cyrillic, Thai and Hebrew bytes', () => {
    for (const name of readdirSync(`${FEEDPARSER_TESTS}${CHARDET_DIR}`)) {
      const { text, encoding } = decodeFeedBytes(read(`${FEEDPARSER_TESTS}${CHARDET_DIR}${name}`));
      expect(encoding, name).toBe('windows-1252 (not valid UTF-8)');
      expect(text, name).toContain('</');
    }
  });
});

function utf16(text: string, littleEndian: boolean, withMark: boolean): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(`${withMark ? '\uFEFF' : ''}${text}`, 'utf16le'));
  return littleEndian ? bytes : new Uint8Array(Buffer.from(bytes).swap16());
}

function utf32(text: string, littleEndian: boolean, withMark: boolean): Uint8Array {
  const codePoints = Array.from(`${withMark ? '\uFEFF' : ''}${text}`, (character) => character.codePointAt(0) ?? 0);
  const view = new DataView(new ArrayBuffer(codePoints.length * 4));
  codePoints.forEach((codePoint, index) => view.setUint32(index * 4, codePoint, littleEndian));
  return new Uint8Array(view.buffer);
}

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const withUtf8Mark = (bytes: Uint8Array): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
const windows1252 = (parts: readonly (string | number)[]): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'number' ? [part] : [...Buffer.from(part, 'latin1')])));

const UNICODE_FORMS = {
  'utf-16le': (text: string, withMark: boolean) => utf16(text, true, withMark),
  'utf-16be': (text: string, withMark: boolean) => utf16(text, false, withMark),
  'utf-32le': (text: string, withMark: boolean) => utf32(text, true, withMark),
  'utf-32be': (text: string, withMark: boolean) => utf32(text, false, withMark),
} as const;

describe('decodeFeedBytes', () => {
  // Non-ASCII XML opening with '<', and JSON opening with '{' and '['.
  const samples = ['elsevier-atypon-rss1-prism.xml', 'jsonfeed-1.0-microblog.json', 'hf-daily-papers.json'].map((name) => ({
    name,
    text: readFileSync(`${SAMPLES}${name}`, 'utf8'),
  }));

  it('reads each byte order mark, cuts it off, and leaves a later U+FEFF alone', () => {
    for (const { name, text } of samples) {
      expect(decodeFeedBytes(withUtf8Mark(utf8(text))), name).toEqual({ text, encoding: 'utf-8' });
      for (const [encoding, encode] of Object.entries(UNICODE_FORMS)) {
        expect(decodeFeedBytes(encode(text, true)), `${name} ${encoding}`).toEqual({ text, encoding });
        expect(decodeFeedBytes(encode(`\uFEFF${text}`, true)).text, `${name} ${encoding}`).toBe(`\uFEFF${text}`);
      }
    }
  });

  it('recognises UTF-16 and UTF-32 without a mark by the zero bytes around the opening character', () => {
    for (const { name, text } of samples) {
      for (const [encoding, encode] of Object.entries(UNICODE_FORMS)) {
        expect(decodeFeedBytes(encode(text, false)), `${name} ${encoding}`).toEqual({ text, encoding });
        expect(decodeFeedBytes(encode(`\n ${text}`, false)).text, `${name} ${encoding}`).toBe(`\n ${text}`);
      }
    }
  });

  it('round-trips any text through every Unicode form with a mark, line ends and C1 controls aside', () => {
    fc.assert(
      // A UTF-16LE mark followed by U+0000 is the UTF-32LE mark: text never starts with NUL in a feed.
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }).filter((text) => !text.startsWith('\u0000')), (text) => {
        const expected = repairC1Controls(text.replace(/\r\n?/g, '\n'));
        expect(decodeFeedBytes(withUtf8Mark(utf8(text))).text).toBe(expected);
        for (const encode of Object.values(UNICODE_FORMS)) expect(decodeFeedBytes(encode(text, true)).text).toBe(expected);
      }),
    );
  });

  it('puts back windows-1252 punctuation that arrived as C1 control characters', () => {
    expect(decodeFeedBytes(utf8('It\u0092s \u0093quoted\u0094 \u0085')).text).toBe('It’s “quoted” …');
    expect(repairC1Controls('\u0080x\u0081\u009f')).toBe('€x\u0081Ÿ');
  });

  it('lets the byte order mark win over a conflicting declaration', () => {
    const [sample] = samples;
    const declaredShiftJis = utf8(sample?.text.replace('encoding="UTF-8"', 'encoding="shift_jis"') ?? '');
    expect(decodeFeedBytes(withUtf8Mark(declaredShiftJis)).encoding).toBe('utf-8');
    expect(decodeFeedBytes(declaredShiftJis).encoding).toBe('utf-8 (declared shift_jis but the bytes are UTF-8)');
    // The sample declares UTF-8; encoded as UTF-16 the mark wins.
    expect(decodeFeedBytes(utf16(sample?.text ?? '', false, true)).encoding).toBe('utf-16be');
  });

  it('decodes Latin-1 files, declared or not, as windows-1252 and turns their CRLF into LF', () => {
    const expectedEncodings = { 'encoding.rss': 'windows-1252', 'uolNoticias.rss': 'windows-1252 (not valid UTF-8)' };
    for (const [name, expectedEncoding] of Object.entries(expectedEncodings)) {
      const { text, encoding } = decodeFeedBytes(read(`${RSS_PARSER_INPUT}${name}`));
      expect(encoding, name).toBe(expectedEncoding);
      expect(text, name).toContain('Últimas Notícias');
      expect(text, name).not.toMatch(/[\r\uFFFD]/);
    }
    const original = readFileSync(`${RSS_PARSER_INPUT}encoding.rss`, 'latin1');
    expect(decodeFeedBytes(read(`${RSS_PARSER_INPUT}encoding.rss`)).text.split('\n')).toHaveLength(original.split(/\r\n?|\n/).length);
  });

  it('turns lone CR into LF as well', () => {
    expect(decodeFeedBytes(utf8('<a>\r\nb\rc\n\r\r\n</a>')).text).toBe('<a>\nb\nc\n\n\n</a>');
  });

  it('falls back to windows-1252 smart quotes when undeclared bytes are not UTF-8', () => {
    const bytes = windows1252(['<rss><title>', 0x93, 'Don', 0x92, 't panic', 0x94, ' ', 0x96, ' caf', 0xe9, '</title></rss>']);
    expect(decodeFeedBytes(bytes)).toEqual({
      text: '<rss><title>“Don’t panic” – café</title></rss>',
      encoding: 'windows-1252 (not valid UTF-8)',
    });
  });

  it('reads us-ascii and iso-8859-1 declarations as windows-1252, as the Encoding Standard does', () => {
    for (const label of ['us-ascii', 'iso-8859-1']) {
      const bytes = windows1252([`<?xml version="1.0" encoding="${label}"?><title>`, 0x93, 'x', 0x94, '</title>']);
      expect(decodeFeedBytes(bytes), label).toEqual({
        text: `<?xml version="1.0" encoding="${label}"?><title>“x”</title>`,
        encoding: 'windows-1252',
      });
    }
  });

  it('reads bytes that are clearly UTF-8 as UTF-8 whatever legacy encoding they declare', () => {
    const [sample] = samples;
    const declaredLatin1 = sample?.text.replace('encoding="UTF-8"', "encoding='ISO-8859-1'") ?? '';
    expect(decodeFeedBytes(utf8(declaredLatin1))).toEqual({
      text: declaredLatin1,
      encoding: 'utf-8 (declared ISO-8859-1 but the bytes are UTF-8)',
    });
  });

  it('keeps UTF-8 with a few corrupt bytes as UTF-8, and reads mislabelled Latin-1 as windows-1252', () => {
    const lineNoise = decodeFeedBytes(read(`${FEEDPARSER_COPIES}encoding/bozo_linenoise.xml`));
    expect(lineNoise.encoding).toBe('utf-8 (invalid bytes replaced)');
    expect(lineNoise.text).toContain('’<>”\uFFFD');
    const latin1 = readFileSync(`${RSS_PARSER_INPUT}encoding.rss`);
    const declaredUtf8 = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?>'), latin1.subarray(latin1.indexOf('\n'))]);
    const relabelled = decodeFeedBytes(new Uint8Array(declaredUtf8));
    expect(relabelled.encoding).toBe('windows-1252 (not valid UTF-8)');
    expect(relabelled.text).toContain('Últimas Notícias');
  });

  it('keeps the byte order mark’s UTF-8 even when some bytes are invalid, and says so', () => {
    const { text, encoding } = decodeFeedBytes(read(`${FEEDPARSER_COPIES}encoding/bozo_invalid-bytes-with-bom.xml`));
    expect(encoding).toBe('utf-8 (invalid bytes replaced)');
    expect(text).toContain('Valid UTF8: Ѩ');
    expect(text).toContain('Espa\uFFFDa');
  });

  it('falls back as if undeclared when the declared encoding is unknown or UTF-16 on 8-bit bytes', () => {
    expect(decodeFeedBytes(read(`${FEEDPARSER_COPIES}encoding/bozo_bogus_encoding.xml`)).encoding).toBe('utf-8 (declared bogus unsupported)');
    const unknown = windows1252(['<?xml version="1.0" encoding="x-unknown"?><t>', 0xe9, '</t>']);
    expect(decodeFeedBytes(unknown)).toEqual({
      text: '<?xml version="1.0" encoding="x-unknown"?><t>é</t>',
      encoding: 'windows-1252 (declared x-unknown unsupported; not valid UTF-8)',
    });
    expect(decodeFeedBytes(utf8('<?xml version="1.0" encoding="utf-16"?><t>é</t>')).encoding).toBe(
      'utf-8 (declared utf-16 ignored: the bytes are 8-bit)',
    );
  });

  it('replaces invalid UTF-32 code points and a cut-off tail', () => {
    const valid = utf32('<a>ok</a>', true, true);
    const surrogate = new Uint8Array([0x00, 0xd8, 0, 0]);
    const tooLarge = new Uint8Array([0, 0, 0x11, 0]);
    const bytes = new Uint8Array([...valid, ...surrogate, ...tooLarge, 0x41, 0]);
    expect(decodeFeedBytes(bytes)).toEqual({ text: '<a>ok</a>\uFFFD\uFFFD\uFFFD', encoding: 'utf-32le (invalid bytes replaced)' });
  });
});
