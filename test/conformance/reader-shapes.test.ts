import { describe, expect, it } from 'vitest';
import { createDomHtmlTools } from '../../electron/core/dom-html-tools';
import { parseFeed } from '../../shared/feeds/parse-feed';
import type { ParsedPaper } from '../../shared/paper';

/**
 * The feed shapes the feedparser fixtures found unread, each in a titled entry and read the app's
 * whole way (detection, parser, normaliser): the fixtures test one field in untitled entries, which
 * only the conformance harness sees.
 */
const html = createDomHtmlTools();
const context = { modifiedAt: new Date('2026-03-21T00:00:00Z') };

function onlyPaper(xml: string): ParsedPaper {
  const feed = parseFeed(new TextEncoder().encode(xml), context, html);
  expect(feed.papers).toHaveLength(1);
  return feed.papers[0]!;
}

const rssItem = (item: string, rootAttributes = '') => `<rss version="2.0"${rootAttributes}><channel><title>Preprints</title><item>${item}</item></channel></rss>`;
const atomEntry = (entry: string) => `<feed xmlns="http://www.w3.org/2005/Atom"><title>Preprints</title><entry><title>Sparse attention</title><id>urn:x:1</id>${entry}</entry></feed>`;

describe('RSS', () => {
  it('reads RSS 2.0 elements that a document puts in a prefixed namespace, and not an extension’s of the same name', () => {
    const paper = onlyPaper(
      `<r:rss version="2.0" xmlns:r="http://backend.userland.com/rss2" xmlns:x="http://example.org/ext/"><r:channel><r:title>Preprints</r:title>` +
        `<r:item><r:title>Sparse attention</r:title><r:link>https://example.org/1</r:link>` +
        `<x:description>An extension's text</x:description><r:description>The abstract.</r:description></r:item></r:channel></r:rss>`,
    );
    expect(paper).toMatchObject({ title: 'Sparse attention', abstract: 'The abstract.', url: 'https://example.org/1' });
  });

  it('reads items straight under <rss> when there is no channel', () => {
    const paper = onlyPaper('<rss version="0.91"><item><title>Sparse attention</title><description>The abstract.</description></item></rss>');
    expect(paper).toMatchObject({ title: 'Sparse attention', abstract: 'The abstract.' });
  });

  it('reads dc:author as the author, as dc:creator', () => {
    const paper = onlyPaper(rssItem('<title>Sparse attention</title><dc:author>Ada Lovelace</dc:author>', ' xmlns:dc="http://purl.org/dc/elements/1.1/"'));
    expect(paper.authors).toEqual(['Ada Lovelace']);
  });

  it('reads an XHTML body, or a fullitem, as the full content', () => {
    const body = onlyPaper(rssItem('<title>Sparse attention</title><description>Short.</description><body xmlns="http://www.w3.org/1999/xhtml"><p>The <b>whole</b> abstract.</p></body>'));
    expect(body).toMatchObject({ abstract: 'The whole abstract.', abstractHtml: '<p>The <b>whole</b> abstract.</p>' });
    const fullitem = onlyPaper(rssItem('<title>Sparse attention</title><fullitem>&lt;p&gt;The whole abstract.&lt;/p&gt;</fullitem>'));
    expect(fullitem).toMatchObject({ abstract: 'The whole abstract.', abstractHtml: '<p>The whole abstract.</p>' });
  });
});

describe('Atom', () => {
  it('decodes Base64 content of a media type that is neither text nor XML, and reads it as plain text', () => {
    const paper = onlyPaper(atomEntry(`<content type="application/octet-stream">${btoa('Linear time <b>attention</b>.')}</content>`));
    expect(paper).toMatchObject({ abstract: 'Linear time <b>attention</b>.', abstractHtml: null });
  });

  it('falls back to the summary when Base64 content is no UTF-8 text', () => {
    const png = btoa(String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe));
    const paper = onlyPaper(atomEntry(`<summary>The summary.</summary><content type="image/png">${png}</content>`));
    expect(paper.abstract).toBe('The summary.');
  });

  it('drops the XHTML div Typepad wraps around escaped HTML content', () => {
    const paper = onlyPaper(atomEntry('<content type="html"><div xmlns="http://www.w3.org/1999/xhtml">Linear time &lt;b&gt;attention&lt;/b&gt;.</div></content>'));
    expect(paper).toMatchObject({ abstract: 'Linear time attention.', abstractHtml: 'Linear time <b>attention</b>.' });
  });
});
