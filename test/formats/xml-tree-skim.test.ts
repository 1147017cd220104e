import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXmlTree } from '../../shared/feeds/formats/xml-tree';
import { xmlTreeReader } from '../../shared/feeds/formats/xml-tree-skim';

const SKIMMED = ['feed.entry.title', 'feed.entry.summary'];
const readSkimming = xmlTreeReader(SKIMMED);

/** What a reader made of a text: its tree, or the message it threw. */
function outcome(read: (text: string, what: string) => unknown, text: string): { tree: unknown } | { error: string } {
  try {
    return { tree: read(text, 'the test feed') };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Element content: plain text with references, or markup (CDATA, comments, elements, names fast-xml-parser refuses). */
const content = fc
  .array(
    fc.constantFrom(
      'plain words', ' ', '\n  ', '\u00a0', '&amp;', '&lt;b&gt;', '&amp;lt;', '&#65;', '&#x1F600;', '&#0;', '&bogus;', '&nbsp;', 'é',
      '<![CDATA[a <b> &amp;]]>', '<!-- note -->', '<b>bold</b>', '<i/>', '<summary>nested</summary>', '<__proto__/>', '<constructor/>',
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));
const attributes = fc.constantFrom('', ' type="html"', ' a="&amp;x"');
const element = (name: string) =>
  fc
    .tuple(content, attributes, fc.boolean())
    .map(([text, attrs, selfClosing]) => (selfClosing && text === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${text}</${name}>`));
const entry = fc
  .tuple(fc.array(element('title'), { maxLength: 2 }), fc.array(element('summary'), { maxLength: 2 }), element('name'), fc.constantFrom('', '<constructor/>'))
  .map(([titles, summaries, name, extra]) => `<entry><id>urn:1</id>${titles.join('')}${summaries.join('')}<author>${name}</author>${extra}</entry>`);
const feed = fc
  .tuple(fc.array(entry, { maxLength: 4 }), fc.nat(), fc.boolean())
  .map(([entries, cut, truncated]) => {
    const text = `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">${entries.join('\n')}</feed>`;
    return truncated ? text.slice(0, cut % text.length) : text;
  });

describe('xmlTreeReader', () => {
  it('gives exactly what parseXmlTree gives, tree or error, whatever the skimmed elements hold (property)', () => {
    fc.assert(
      fc.property(feed, (text) => {
        expect(outcome(readSkimming, text)).toEqual(outcome(parseXmlTree, text));
      }),
      { numRuns: 1500 },
    );
  });

  it('takes text, entities and attributes of the skimmed elements as a full read does', () => {
    const text = '<feed><entry><title type="html">  A &amp;lt; B &#65; </title><summary>\n</summary><summary a="1"> </summary></entry></feed>';
    expect(readSkimming(text, 'x')).toEqual(parseXmlTree(text, 'x'));
    expect(readSkimming(text, 'x')).toEqual({ feed: { entry: { title: { '#text': 'A &lt; B A', '@type': 'html' }, summary: ['', { '@a': '1' }] } } });
  });

  it('reports the first fault a full read meets, even inside a skimmed element', () => {
    const text = '<feed><entry><summary><__proto__/></summary></entry><entry><constructor/></entry></feed>';
    expect(outcome(readSkimming, text)).toEqual(outcome(parseXmlTree, text));
    expect(outcome(readSkimming, text)).toMatchObject({ error: expect.stringContaining('__proto__') });
  });
});
