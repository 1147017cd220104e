import type { CorpusRecord } from './corpus-reader';

// XML 1.0 forbids these control characters outright; a real feed never carries them.
// eslint-disable-next-line no-control-regex -- the control characters XML forbids are what this pattern finds
export const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu;

/** Text escaped for an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;');
}

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;

/** An RFC 822 date, as RSS wants: midnight UTC of the listing day. */
const rssDate = (day: string) => new Date(`${day}T00:00:00Z`).toUTCString();

/** A saved https://rss.arxiv.org/rss/… listing, in the shape of feeds/samples/arxiv-rss2-2024.xml. */
export function renderArxivRss(records: readonly CorpusRecord[], channel: string): string {
  const lastDay = records.reduce((last, record) => (record.published > last ? record.published : last), '');
  const items = records.map((record) =>
    [
      '<item>',
      element('title', record.title),
      element('link', `https://arxiv.org/abs/${record.id}`),
      element('description', `arXiv:${record.id}v1 Announce Type: new \nAbstract: ${record.abstract}`),
      `<guid isPermaLink="false">${escapeXml(`oai:arXiv.org:${record.id}v1`)}</guid>`,
      ...record.categories.map((category) => element('category', category)),
      element('pubDate', rssDate(record.published)),
      element('arxiv:announce_type', 'new'),
      element('dc:rights', 'http://creativecommons.org/licenses/by/4.0/'),
      element('dc:creator', record.authors.join(', ')),
      '</item>',
    ].join('\n      '),
  );
  return `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0">
  <channel>
    ${element('title', `${channel} updates on arXiv.org`)}
    ${element('link', `http://rss.arxiv.org/rss/${channel}`)}
    ${element('description', `${channel} updates on the arXiv.org e-print archive.`)}
    <atom:link href="${escapeXml(`http://rss.arxiv.org/rss/${channel}`)}" rel="self" type="application/rss+xml"/>
    <docs>http://www.rssboard.org/rss-specification</docs>
    <language>en-us</language>
    ${element('lastBuildDate', rssDate(lastDay))}
    <managingEditor>rss-help@arxiv.org</managingEditor>
    ${element('pubDate', rssDate(lastDay))}
    ${items.join('\n    ')}
  </channel>
</rss>
`;
}

/** One page of export.arxiv.org/api/query results, in the shape of feeds/samples/arxiv-api-atom.xml. */
export function renderArxivApiAtom(records: readonly CorpusRecord[], query: string, start: number, total: number): string {
  const entries = records.map((record) => {
    const [primary] = record.categories;
    return [
      '<entry>',
      element('id', `http://arxiv.org/abs/${record.id}v1`),
      element('updated', `${record.published}T00:00:00Z`),
      element('published', `${record.published}T00:00:00Z`),
      element('title', record.title),
      element('summary', record.abstract),
      ...record.authors.map((name) => `<author>${element('name', name)}</author>`),
      `<link href="${escapeXml(`http://arxiv.org/abs/${record.id}v1`)}" rel="alternate" type="text/html"/>`,
      `<link title="pdf" href="${escapeXml(`http://arxiv.org/pdf/${record.id}v1`)}" rel="related" type="application/pdf"/>`,
      ...(primary === undefined ? [] : [`<arxiv:primary_category term="${escapeXml(primary)}" scheme="http://arxiv.org/schemas/atom"/>`]),
      ...record.categories.map((category) => `<category term="${escapeXml(category)}" scheme="http://arxiv.org/schemas/atom"/>`),
      '</entry>',
    ].join('\n    ');
  });
  const self = `http://arxiv.org/api/query?search_query=${query}&start=${start}&max_results=${records.length}`;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <link href="${escapeXml(self)}" rel="self" type="application/atom+xml"/>
  ${element('title', `ArXiv Query: search_query=${query}&start=${start}&max_results=${records.length}`)}
  ${element('id', `http://arxiv.org/api/bench-${query}-${start}`)}
  ${element('updated', `${records.at(-1)?.published ?? '1970-01-01'}T00:00:00Z`)}
  <opensearch:totalResults>${total}</opensearch:totalResults>
  <opensearch:startIndex>${start}</opensearch:startIndex>
  <opensearch:itemsPerPage>${records.length}</opensearch:itemsPerPage>
  ${entries.join('\n  ')}
</feed>
`;
}
