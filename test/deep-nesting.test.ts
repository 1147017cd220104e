import { describe, expect, it } from 'vitest';
import { MAX_MARKUP_DEPTH } from '../electron/core/dom-html-tools';
import { markupDepth } from '../shared/normalize/markup-depth';
import { parseText } from './parse-file';

const LEVELS = 100_000;
const nested = (open: string, close: string, inner = 'x') => `${open.repeat(LEVELS)}${inner}${close.repeat(LEVELS)}`;
const rss = (item: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title><link>https://deep.example/</link><description>d</description>${item}</channel></rss>`;
const escaped = (markup: string) => markup.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const GOOD_ITEM = '<item><title>A shallow paper</title><link>https://deep.example/ok</link><description>Fine.</description></item>';

// Each file nests 100,000 levels deep somewhere a parser recurses or an HTML parser rebuilds
// formatting elements; each must end at once with its reason, and the good item beside it is read.
const CASES: [string, string, RegExp][] = [
  ['XML elements in an item', rss(`<item><title>x</title>${nested('<a>', '</a>')}</item>`), /^not a readable RSS feed: Maximum nested tags exceeded$/u],
  ['XML elements never closed', rss(nested('<a>', '')), /^not a readable RSS feed: Maximum nested tags exceeded$/u],
  ['HTML in an escaped description', rss(`<item><title>Deep abstract</title><link>https://deep.example/1</link><description>${escaped(nested('<b>', '</b>'))}</description></item>${GOOD_ITEM}`), /^entry 1 \("Deep abstract"\) could not be read and was skipped: its markup nests more than 1,000 elements deep$/u],
  ['HTML in a CDATA description', rss(`<item><title>Deep content</title><link>https://deep.example/2</link><description><![CDATA[${nested('<div>', '</div>')}]]></description></item>${GOOD_ITEM}`), /^entry 1 \("Deep content"\) could not be read and was skipped: its markup nests more than 1,000 elements deep$/u],
  [
    'XHTML in Atom content',
    `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>urn:deep</id><title>Deep</title><updated>2024-01-01T00:00:00Z</updated><entry><id>urn:1</id><title>Deep entry</title><updated>2024-01-01T00:00:00Z</updated><link href="https://deep.example/3"/><content type="html">${escaped(nested('<span>', '</span>'))}</content></entry></feed>`,
    /^entry 1 \("Deep entry"\) could not be read and was skipped: its markup nests more than 1,000 elements deep$/u,
  ],
  ['JSON arrays', `{"version":"https://jsonfeed.org/version/1.1","title":"Deep","items":${nested('[', ']', '')}}`, /^the json-feed feed lists no papers$/u],
];

describe('a file nested 100,000 levels deep', () => {
  it.each(CASES)('(%s) ends at once with its reason, and costs no other item', (name, text, reason) => {
    const started = performance.now();
    const batch = parseText(text, 'deep.xml');
    const seconds = (performance.now() - started) / 1000;
    console.log(`${name}: ${(text.length / 1e6).toFixed(1)} MB read in ${seconds.toFixed(2)} s, ${batch.papers.length} papers; ${batch.errors.map((error) => error.message).join('; ')}`);
    expect(batch.errors.map((error) => error.message)).toEqual([expect.stringMatching(reason)]);
    expect(batch.papers.map((paper) => paper.title)).toEqual(text.includes(GOOD_ITEM) ? ['A shallow paper'] : []);
  });
});

describe('markupDepth', () => {
  it('counts elements that hold others, not void or self-closed ones, and stops past its limit', () => {
    expect(markupDepth('<p>a<b>b<i>c</i></b></p><p>d</p>')).toBe(3);
    expect(markupDepth('<p><br><img src="x"><hr/><svg><path d="M0"/></svg></p>')).toBe(2);
    expect(markupDepth('<a title="x > y">z</a>')).toBe(1);
    expect(markupDepth('a < b and c > d')).toBe(0);
    expect(markupDepth('<b>'.repeat(5000), MAX_MARKUP_DEPTH)).toBe(MAX_MARKUP_DEPTH + 1);
    expect(markupDepth(`${'<b>'.repeat(MAX_MARKUP_DEPTH)}${'</b>'.repeat(MAX_MARKUP_DEPTH)}`, MAX_MARKUP_DEPTH)).toBe(MAX_MARKUP_DEPTH);
  });
});
