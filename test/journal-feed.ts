const WORDS = 'model data learning network neural protein cell quantum graph method results analysis system structure dynamics signal energy response patients clinical'.split(' ');

const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * A journal's RSS 2.0 table of contents with this many items of about 580 bytes each: a title
 * and a description in escaped HTML, link, date, author and guid. The same count gives the same bytes.
 */
export function journalRss(items: number): string {
  const word = (index: number) => WORDS[(index * 7919) % WORDS.length]!;
  const words = (from: number, count: number) => Array.from({ length: count }, (_, k) => word(from + k * 13)).join(' ');
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Journal of Things</title><link>https://journal.example.org/</link><description>Latest articles</description>\n'];
  for (let i = 0; i < items; i += 1) {
    const title = `${words(i, 6)} <i>in vivo</i> ${i}`;
    const description = `<p><b>Abstract</b>: ${words(i * 3, 22)} &amp; <a href="https://journal.example.org/a/${i}">more</a></p>`;
    parts.push(
      `<item><title>${escape(title)}</title><link>https://journal.example.org/articles/s${100000 + i}</link><description>${escape(description)}</description>` +
        `<pubDate>Mon, 0${1 + (i % 9)} Jan 2024 10:00:00 GMT</pubDate><author>author${i}@example.org (A. Author${i})</author><guid isPermaLink="false">journal-${i}</guid></item>\n`,
    );
  }
  parts.push('</channel></rss>\n');
  return parts.join('');
}
