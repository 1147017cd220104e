import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { createDomHtmlTools } from '../electron/core/dom-html-tools';
import { PaperdropCore } from '../electron/core/paperdrop-core';
import { parseFeed } from '../shared/feeds/parse-feed';
import type { HtmlTools } from '../shared/normalize/html-tools';
import type { IngestBatch } from '../shared/paper';
import { parseText } from './parse-file';
import { SEEDS_DIR } from './shared-paths';
import { makeTempDir } from './temp-dir';

const html = createDomHtmlTools();

/** A journal's RSS 2.0 feed, reduced to three items: the first two each carry markup that parses as a frameset. */
const FEED_WITH_FRAMESETS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Journal of Examples</title><link>https://journal.example/</link>
<item><title>&lt;frameset&gt;&lt;frame src="https://evil.example/"&gt;</title><link>https://journal.example/a/1</link>
  <description>&lt;p&gt;An abstract whose title is not one.&lt;/p&gt;</description></item>
<item><title>Catalysis in water at room temperature</title><link>https://journal.example/a/2</link>
  <description>&lt;frameset&gt;&lt;p&gt;Swallowed by the frameset.&lt;/p&gt;</description></item>
<item><title>Entropy of mixing, revisited</title><link>https://journal.example/a/3</link>
  <description>&lt;p&gt;We revisit the &lt;i&gt;entropy&lt;/i&gt; of mixing.&lt;/p&gt;</description></item>
</channel></rss>`;

describe('markup that parses as a frameset', () => {
  it('costs its own item at most, never the file', () => {
    const batch = parseText(FEED_WITH_FRAMESETS, 'journal.xml');
    expect(batch.format).toBe('rss');
    expect(batch.papers.map((paper) => paper.title).sort()).toEqual(['Catalysis in water at room temperature', 'Entropy of mixing, revisited']);
    expect(batch.papers.find((paper) => paper.title.startsWith('Catalysis'))!.abstract).toBe('');
    expect(batch.papers.find((paper) => paper.title.startsWith('Entropy'))!.abstract).toBe('We revisit the entropy of mixing.');
    expect(batch.errors).toEqual([{ file: 'journal.xml', message: '1 entry has no title and was skipped' }]);
  });

  it('reads as no text and sanitizes to nothing', () => {
    for (const markup of ['<frameset>', '<frameset><frame src="x"></frameset>', '<FRAMESET cols="50%">text']) {
      expect(html.toText(markup), markup).toBe('');
      expect(html.sanitize(markup), markup).toBe('');
    }
  });
});

describe('an entry that breaks normalisation', () => {
  it('is skipped with its number, title and reason, and the rest of the file is read', () => {
    const breaksOnOne: HtmlTools = {
      toText: (markup) => {
        if (markup.includes('entropy')) throw new RangeError('too deep');
        return html.toText(markup);
      },
      sanitize: (markup) => html.sanitize(markup),
    };
    const feed = parseFeed(new TextEncoder().encode(FEED_WITH_FRAMESETS), { modifiedAt: new Date() }, breaksOnOne);
    expect(feed.papers.map((paper) => paper.title)).toEqual(['Catalysis in water at room temperature']);
    expect(feed.problems).toContain('entry 3 ("Entropy of mixing, revisited") could not be read and was skipped: too deep');
  });
});

describe('the watched folder with a frameset item', () => {
  const cores: PaperdropCore[] = [];
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((core) => core.close()));
  });

  it('hands the file over with its good papers and its error, where it used to vanish', async () => {
    const folder = await makeTempDir('frameset-inbox');
    await writeFile(join(folder, 'journal.xml'), FEED_WITH_FRAMESETS);
    const core = await PaperdropCore.start({ configDir: await makeTempDir('config'), samplesDir: SEEDS_DIR, folder, log: () => undefined });
    cores.push(core);
    const batches: IngestBatch[] = [];
    const session = core.connect((channel, payload) => {
      if (channel === 'batch') batches.push(payload as IngestBatch);
    });
    await session.handlers.hello({ knownHashes: [] });
    for (let waited = 0; batches.length === 0 && waited < 10_000; waited += 50) await sleep(50);
    expect(batches.map((batch) => [batch.file, batch.papers.length, batch.errors.length])).toEqual([['journal.xml', 2, 1]]);
  });
});

describe('abstract markup', () => {
  it('keeps what abstracts use: emphasis, sub/superscripts, lists, tables, MathML and web links', () => {
    const clean = html.sanitize(
      '<p>H<sub>2</sub>O at 10<sup>3</sup> K, <em>in situ</em>, <a href="https://doi.org/10.1/x">doi</a></p>' +
        '<ul><li>one</li></ul><table><tr><td>1</td></tr></table><math><mi>x</mi><mo>=</mo><mn>2</mn></math>',
    );
    expect(clean).toBe(
      '<p>H<sub>2</sub>O at 10<sup>3</sup> K, <em>in situ</em>, <a href="https://doi.org/10.1/x" target="_blank" rel="noopener noreferrer">doi</a></p>' +
        '<ul><li>one</li></ul><table><tbody><tr><td>1</td></tr></tbody></table><math><mi>x</mi><mo>=</mo><mn>2</mn></math>',
    );
  });

  it.each([
    ['style', '<style>body{display:none}</style>'],
    ['select', '<select><option>a</option></select>'],
    ['textarea', '<textarea>a</textarea>'],
    ['marquee', '<marquee>a</marquee>'],
    ['template', '<template><p>a</p></template>'],
    ['form', '<form action="https://evil.example"><input name="q"><button>go</button></form>'],
    ['img', '<img src="https://tracker.example/p.gif">'],
    ['svg', '<svg><a href="https://evil.example"><text>x</text></a></svg>'],
    ['iframe', '<iframe src="https://evil.example"></iframe>'],
    ['script', '<script>alert(1)</script>'],
  ])('drops <%s>', (tag, markup) => {
    expect(html.sanitize(`<p>kept</p>${markup}`)).not.toMatch(new RegExp(`<${tag}`, 'iu'));
  });

  it('drops inline styles, event handlers and links that are not http(s)', () => {
    const clean = html.sanitize('<p style="position:fixed" onclick="x()" class="app-overlay">a <a href="javascript:alert(1)">b</a> <a href="file:///etc/passwd">c</a></p>');
    expect(clean).toBe('<p>a <a target="_blank" rel="noopener noreferrer">b</a> <a target="_blank" rel="noopener noreferrer">c</a></p>');
  });

  it('gives an element no name the page could be reached by', () => {
    const clean = html.sanitize('<p><a id="paperdrop" href="https://x.example">a</a><a name="bridge">b</a><span id="location">c</span></p>');
    const { window } = new JSDOM(`<!doctype html><body>${clean}</body>`);
    const named = window as unknown as Record<string, unknown>;
    expect(named.paperdrop).toBeUndefined();
    expect(named.bridge).toBeUndefined();
    expect(window.document.getElementById('user-content-paperdrop')?.textContent).toBe('a');
  });
});
