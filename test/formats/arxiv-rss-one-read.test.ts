import fc from 'fast-check';
import { parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { arxivListingExtras } from '../../shared/feeds/formats/arxiv-listing-extras';
import { readArxivRssItems, type ArxivRssItem } from '../../shared/feeds/formats/arxiv-rss-items';
import { readFixture } from '../shared-paths';

const SAMPLE = readFixture('feeds/samples/arxiv-rss2-2024.xml');
const NAMESPACES = [
  'xmlns:arxiv="http://arxiv.org/schemas/atom"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:atom="http://www.w3.org/2005/Atom"',
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
].join(' ');

/** The fields the arXiv RSS parser reads of an item, whichever reading gave it. */
function readFields(item: ArxivRssItem) {
  return {
    title: item.title,
    link: item.link,
    description: item.description,
    guid: item.guid?.value,
    pubDate: item.pubDate,
    categories: (item.categories ?? []).flatMap((category) => category.name ?? []),
    creators: item.dc?.creators ?? [],
  };
}

/** The two reads the one-pass read stands in for. */
function feedsmithAndExtras(text: string) {
  return { items: (parseRssFeed(text).items ?? []).map(readFields), extras: arxivListingExtras(text, 'rss') };
}

function oneRead(text: string) {
  const read = readArxivRssItems(text);
  return read && { items: read.items.map(readFields), extras: read.extras };
}

const listing = (items: string, namespaces = NAMESPACES) =>
  `<?xml version='1.0' encoding='UTF-8'?>\n<rss ${namespaces} version="2.0">\n<channel><title>cs updates on arXiv.org</title>\n${items}\n</channel>\n</rss>\n`;
const ITEM = [
  '<item><title>A paper</title><link>https://arxiv.org/abs/2401.00001</link>',
  '<description>arXiv:2401.00001v1 Announce Type: new \nAbstract: Text.</description>',
  '<guid isPermaLink="false">oai:arXiv.org:2401.00001v1</guid><category>cs.CL</category>',
  '<pubDate>Mon, 01 Jan 2024 00:00:00 -0500</pubDate><arxiv:announce_type>new</arxiv:announce_type>',
  '<dc:rights>http://creativecommons.org/licenses/by/4.0/</dc:rights><dc:creator>Ana Li, Bo Wu</dc:creator>',
  '<arxiv:DOI>10.1/x</arxiv:DOI></item>',
].join('');

/** Text as arXiv writes it: words, spacing, Unicode and the five XML escapes, "constructor" as a word among them. */
const WORDS = ['graph', 'Learning', 'constructor', 'AT&amp;T', '&amp;amp;', '&lt;b&gt;', '&quot;q&quot;', '&apos;', 'über', '中文', '$x^2$', "Vuli\\'c"];
const text = fc.array(fc.constantFrom(...WORDS, ' ', '  ', '\n', '\t', '\u00a0'), { maxLength: 12 }).map((parts) => parts.join(''));
const element = (name: string) => (content: string) => `<${name}>${content}</${name}>`;
const optional = (name: string, value: fc.Arbitrary<string>) => fc.option(value.map(element(name)), { nil: '' });
const repeated = (name: string, value: fc.Arbitrary<string>) => fc.array(value.map(element(name)), { maxLength: 3 }).map((parts) => parts.join(''));
const item = fc
  .tuple(
    text.map((title) => `<title>x ${title}</title>`),
    optional('link', text),
    optional('description', text),
    fc.option(text.map((guid) => `<guid isPermaLink="false">${guid}</guid>`), { nil: '' }),
    repeated('category', text),
    optional('pubDate', text),
    repeated('dc:creator', text),
    optional('arxiv:DOI', text),
    optional('arxiv:doi', text),
    optional('arxiv:journal_reference', text),
  )
  .chain((parts) => fc.shuffledSubarray(parts, { minLength: parts.length }))
  .map((parts) => `<item>${parts.join('\n')}</item>`);

describe('the one read of an rss.arxiv.org listing', () => {
  it("reads arXiv's sample as feedsmith and the extras read do", () => {
    expect(oneRead(SAMPLE)).not.toBeNull();
    expect(oneRead(SAMPLE)).toEqual(feedsmithAndExtras(SAMPLE));
  });

  it('reads any listing in arXiv’s own shape as they do (property)', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), (items) => {
        const document = listing(`${items.join('\n')}\n${ITEM}`);
        expect(oneRead(document)).not.toBeNull();
        expect(oneRead(document)).toEqual(feedsmithAndExtras(document));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['an element arXiv does not write', listing(ITEM.replace('</item>', '<author>a@b.org</author></item>'))],
    ['an element in another spelling', listing(ITEM.replace(/pubDate/gu, 'pubdate'))],
    ['markup inside an element', listing(ITEM.replace('A paper', 'A <!-- draft --> paper'))],
    ['a CDATA section', listing(ITEM.replace('A paper', '<![CDATA[A paper]]>'))],
    ['an escape other than the five XML names', listing(ITEM.replace('A paper', 'A&#160;paper'))],
    ['a namespace under another prefix', listing(ITEM, NAMESPACES.replace('xmlns:dc=', 'xmlns:d='))],
    ['a default namespace', listing(ITEM, `${NAMESPACES} xmlns="http://www.w3.org/2005/Atom"`)],
    ['a namespace declared inside', listing(ITEM.replace('<item>', '<item xmlns:x="urn:x">'))],
    ['a DOCTYPE', listing(ITEM).replace('<rss', '<!DOCTYPE rss>\n<rss')],
    ['an element name fast-xml-parser refuses', listing(ITEM.replace('</item>', '<Constructor/></item>'))],
    ['an item feedsmith would drop', listing(`<item><arxiv:DOI>10.1/y</arxiv:DOI></item>${ITEM}`)],
    ['an item outside the channel', listing(ITEM).replace('</rss>', `${ITEM}</rss>`)],
    ['an element that passes for an item', listing(`<Item><title>t</title></Item>${ITEM}`)],
    ['a file that is not well-formed', listing(ITEM.replace('</title>', ''))],
  ])('leaves a listing with %s to the two reads', (_what, document) => {
    expect(oneRead(document)).toBeNull();
  });
});
