import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAtomFeed, parseFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { afterAll, describe, expect, it } from 'vitest';
import { readRssDocument } from '../shared/feeds/formats/rss-document';

// The app reads XML through feedsmith, and generic RSS through its own reader on fast-xml-parser
// (shared/feeds/formats/rss-document.ts). These tests prove that no file can make either read another
// file or expand entities without bound; a hang fails through the per-test timeout.
const HANG_TIMEOUT_MS = 20_000;

type Parse = (text: string) => unknown;
/** Each shape goes through its own parsers and through parseFeed, which detects it. */
const SHAPE_PARSERS: Readonly<Record<string, readonly (readonly [string, Parse])[]>> = {
  rss: [
    ['parseRssFeed', parseRssFeed],
    ['readRssDocument', readRssDocument],
  ],
  atom: [['parseAtomFeed', parseAtomFeed]],
  rdf: [['parseRdfFeed', parseRdfFeed]],
};

/** The same hostile DOCTYPE and entity reference in each XML feed shape feedsmith reads, in text, attributes and markup. */
function feedsWith(doctypeBody: string, reference: string): Record<string, string> {
  const doctype = (root: string) => `<?xml version="1.0"?>\n<!DOCTYPE ${root} [${doctypeBody}]>\n`;
  return {
    rss:
      `${doctype('rss')}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>` +
      `<title>Feed ${reference}</title><link>https://example.org/</link><description>d</description>` +
      `<item><title>Paper ${reference}</title><link>https://example.org/${reference}</link>` +
      `<description>${reference}</description><content:encoded>${reference}</content:encoded>` +
      `<enclosure url="https://example.org/${reference}" type="${reference}" length="1"/></item></channel></rss>`,
    atom:
      `${doctype('feed')}<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>Feed ${reference}</title>` +
      `<updated>2024-01-01T00:00:00Z</updated><entry><id>urn:${reference}</id><title>Paper ${reference}</title>` +
      `<updated>2024-01-01T00:00:00Z</updated><link href="https://example.org/${reference}"/>` +
      `<summary type="html">${reference}</summary>` +
      `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${reference}</div></content></entry></feed>`,
    rdf:
      `${doctype('rdf:RDF')}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" ` +
      `xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://example.org/"><title>Feed ${reference}</title>` +
      `<link>https://example.org/</link><description>d</description></channel>` +
      `<item rdf:about="https://example.org/${reference}"><title>Paper ${reference}</title><link>https://example.org/1</link>` +
      `<description>${reference}</description><dc:creator>${reference}</dc:creator></item></rdf:RDF>`,
  };
}

type Outcome = { returned: true; output: string } | { returned: false; error: string };

/** What a parser made of the input: everything it returned, or the whole error chain it threw. */
function outcomeOf(parse: Parse, text: string): Outcome {
  try {
    return { returned: true, output: JSON.stringify(parse(text)) };
  } catch (error) {
    const messages: string[] = [];
    for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) messages.push(cause.message);
    return { returned: false, error: messages.join(' <- ') };
  }
}

function everyOutcome(feeds: Record<string, string>): { label: string; input: string; outcome: Outcome }[] {
  return Object.entries(feeds).flatMap(([shape, input]) => {
    const ownParsers = SHAPE_PARSERS[shape];
    if (!ownParsers) throw new Error(`no parser for ${shape}`);
    return [
      ...ownParsers.map(([ownName, ownParse]) => ({ label: `${ownName}(${shape})`, input, outcome: outcomeOf(ownParse, input) })),
      { label: `parseFeed(${shape})`, input, outcome: outcomeOf(parseFeed, input) },
    ];
  });
}

const describeOutcome = ({ label, input, outcome }: { label: string; input: string; outcome: Outcome }) =>
  `${label}: ${input.length} chars in, ${outcome.returned ? `returned ${outcome.output.length} chars` : `threw ${outcome.error}`}`;

it('reads the test feeds when they carry no hostile DOCTYPE, so a throw below comes from the DOCTYPE', () => {
  for (const { label, outcome } of everyOutcome(feedsWith('<!ENTITY x "harmless">', 'x'))) {
    expect(outcome.returned ? outcome.output : outcome.error, label).toContain('Paper x');
  }
});

describe('feedsmith never resolves external entities', () => {
  const secretDir = mkdtempSync(join(tmpdir(), 'paperdrop-xxe-'));
  const secretPath = join(secretDir, 'secret.txt');
  const secret = `PAPERDROP-SECRET-${process.pid}`;
  writeFileSync(secretPath, `${secret}\n`);
  const secretUrl = pathToFileURL(secretPath).href;
  afterAll(() => rmSync(secretDir, { recursive: true, force: true }));

  const hostileDoctypes = {
    'a SYSTEM entity': `<!ENTITY x SYSTEM "${secretUrl}">`,
    'a PUBLIC entity': `<!ENTITY x PUBLIC "-//Paperdrop//X" "${secretUrl}">`,
    'a parameter entity': `<!ENTITY % p SYSTEM "${secretUrl}"> %p;`,
  };

  for (const [kind, doctypeBody] of Object.entries(hostileDoctypes)) {
    it(`leaves ${kind} unread`, { timeout: HANG_TIMEOUT_MS }, () => {
      const outcomes = everyOutcome(feedsWith(doctypeBody, '&x;'));
      console.log(`${kind}:\n  ${outcomes.map(describeOutcome).join('\n  ')}`);
      for (const { label, outcome } of outcomes) {
        expect(outcome.returned ? outcome.output : outcome.error, label).not.toContain(secret);
      }
    });
  }

  it('leaves an external DTD unread', { timeout: HANG_TIMEOUT_MS }, () => {
    const feeds = feedsWith('', 'x');
    const withExternalDtd = Object.fromEntries(
      Object.entries(feeds).map(([shape, text]) => [shape, text.replace(/ \[\]>/, ` SYSTEM "${secretUrl}">`)]),
    );
    for (const { label, outcome } of everyOutcome(withExternalDtd)) {
      expect(outcome.returned ? outcome.output : outcome.error, label).not.toContain(secret);
    }
  });

  it('never puts /etc/passwd in a title', { timeout: HANG_TIMEOUT_MS }, () => {
    const passwdLines = readFileSync('/etc/passwd', 'utf8').split('\n').filter((line) => line.length > 0);
    expect(passwdLines.length).toBeGreaterThan(0);
    const outcomes = everyOutcome(feedsWith('<!ENTITY x SYSTEM "file:///etc/passwd">', '&x;'));
    for (const { label, outcome } of outcomes) {
      const text = outcome.returned ? outcome.output : outcome.error;
      for (const line of passwdLines) expect(text, label).not.toContain(line);
    }
  });
});

describe('feedsmith does not expand entity bombs', () => {
  /**
   * Accepts a parse that throws, or one that returns no more than the input's size plus feedsmith's own
   * JSON keys: an unexpanded reference, or an expansion capped that low.
   */
  function expectBounded(bombs: Record<string, string>, reference: string, name: string): void {
    const outcomes = everyOutcome(bombs);
    const expansion = ({ outcome }: { outcome: Outcome }) =>
      outcome.returned ? `, reference ${outcome.output.includes(reference) ? 'left unexpanded' : 'expanded'}` : '';
    console.log(`${name}:\n  ${outcomes.map((entry) => describeOutcome(entry) + expansion(entry)).join('\n  ')}`);
    for (const { label, input, outcome } of outcomes) {
      if (!outcome.returned) continue;
      expect(outcome.output.length, label).toBeLessThan(2 * input.length + 10_000);
    }
  }

  it('survives a billion-laughs bomb (10^9 "lol"s, 3 GB expanded, from under 2 KB)', { timeout: HANG_TIMEOUT_MS }, () => {
    const levels = ['<!ENTITY lol0 "lol">'];
    for (let level = 1; level <= 9; level++) {
      levels.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
    }
    const bombs = feedsWith(levels.join(''), '&lol9;');
    expect(Math.max(...Object.values(bombs).map((text) => text.length))).toBeLessThan(2_000);
    expectBounded(bombs, '&lol9;', 'billion laughs');
  });

  it('survives a quadratic blowup (a 100 KB entity referenced 10,000 times: 1 GB expanded)', { timeout: HANG_TIMEOUT_MS }, () => {
    const entity = `<!ENTITY a "${'a'.repeat(100 * 1024)}">`;
    const references = '&a;'.repeat(10_000);
    const bombs = feedsWith(entity, references);
    expect(Math.max(...Object.values(bombs).map((text) => text.length))).toBeLessThan(1_000_000);
    expectBounded(bombs, '&a;&a;', 'quadratic blowup');
  });
});
