import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeXml, NOT_XML, renderArxivRss } from './bench/arxiv-feeds';
import { openWebSession, type WebSession } from './web-session';

/**
 * The hostile-markup cases of DOMPurify's own test suite, as its 0.8.0 package shipped them (later
 * packages leave the tests out): `{ title, payload }`, most of them trying to run `alert`.
 */
const DOMPURIFY_CASES = (createRequire(import.meta.url)('dompurify-test-payloads/test/fixtures/expect.js') as { payload: string }[]).map(({ payload }) => payload);

/** Math that asks KaTeX for links, classes, styles and images, which `trust: false` must refuse; and links that are not the web. */
const MATH_AND_LINK_CASES = [
  String.raw`$\href{javascript:alert(1)}{click}$`,
  String.raw`$\url{javascript:alert(1)}$`,
  String.raw`$\href{data:text/html,<script>alert(1)</script>}{x}$`,
  String.raw`$\htmlClass{x" onmouseover="alert(1)}{x}$`,
  String.raw`$\htmlId{x" onclick="alert(1)}{x}$`,
  String.raw`$\htmlStyle{background:url(https://evil.example/x.png)}{x}$`,
  String.raw`$\htmlData{onload=alert(1)}{x}$`,
  String.raw`$\includegraphics{https://evil.example/x.png}$`,
  String.raw`$$\href{javascript:alert(1)}{\text{display}}$$`,
  '<a href="javascript:alert(1)">js link</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
  '<a href="vbscript:msgbox(1)">vb link</a>',
  '<img src="https://evil.example/pixel.png">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
];

const CASES = [...DOMPURIFY_CASES, ...MATH_AND_LINK_CASES];
const title = (feed: string, index: number, payload: string) => `Case ${index} (${feed}): ${payload}`;
const cdata = (text: string) => `<![CDATA[${text.replace(NOT_XML, '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** A journal's RSS 2.0: each case as the title's text, the description's HTML, and content:encoded. */
function journalRss(): string {
  const items = CASES.map(
    (payload, index) => `<item>
  <title>${escapeXml(title('journal', index, payload))}</title>
  <link>https://journal.example/xss/${index}</link>
  <description>${escapeXml(payload)}</description>
  <content:encoded>${cdata(payload)}</content:encoded>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Hostile journal</title><link>https://journal.example/</link><description>XSS cases</description>
${items.join('\n')}
</channel></rss>
`;
}

/** A JSON Feed: each case as the title and content_html. */
function jsonFeed(): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Hostile JSON Feed',
    items: CASES.map((payload, index) => ({ id: `json-${index}`, url: `https://json.example/xss/${index}`, title: title('JSON Feed', index, payload), content_html: payload })),
  });
}

/** arXiv's RSS, whose titles and abstracts are typeset as LaTeX: each case as both. */
function arxivRss(): string {
  const records = CASES.map((payload, index) => ({
    id: `2501.${String(index).padStart(5, '0')}`,
    title: title('arXiv', index, payload),
    abstract: payload,
    authors: ['A. Author'],
    published: '2025-01-15',
    categories: ['cs.CR'],
    source_repo: 'xss',
  }));
  return renderArxivRss(records, 'cs.CR');
}

interface Harm {
  dialogs: string[];
  externalRequests: string[];
  /** Elements or attributes in the open paper that could run or load something. */
  dangerous: string[];
}

/** What in the reader could run code or reach out: script-bearing elements, handlers, and links or sources that are not http(s), data images or the app's own. */
function dangerousInReader(): string[] {
  const found: string[] = [];
  const reader = document.querySelector('#reader') ?? document.body;
  for (const element of reader.querySelectorAll('*')) {
    const name = element.localName;
    if (['script', 'iframe', 'frame', 'object', 'embed', 'form', 'base', 'meta', 'link', 'style', 'foreignobject'].includes(name)) found.push(`<${name}>`);
    for (const attribute of element.attributes) {
      const value = attribute.value.trim().toLowerCase();
      if (attribute.name.startsWith('on')) found.push(`${name}[${attribute.name}]`);
      if (['href', 'src', 'xlink:href', 'action', 'formaction', 'srcdoc'].includes(attribute.name) && !/^(https?:|#|data:image\/)/u.test(value) && value !== '') {
        found.push(`${name}[${attribute.name}=${value.slice(0, 40)}]`);
      }
    }
  }
  return found;
}

describe('hostile feed content in real Chromium', () => {
  let session: WebSession;
  let page: Page;
  const harm: Harm = { dialogs: [], externalRequests: [], dangerous: [] };

  beforeAll(async () => {
    session = await openWebSession('xss');
    ({ page } = session);
    const origin = new URL(session.web.url).origin;
    page.on('dialog', (dialog) => {
      harm.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    session.browser.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) harm.externalRequests.push(request.url());
    });
    await session.browser.addInitScript(() => {
      const violations: string[] = [];
      Object.assign(window, { policyViolations: violations });
      window.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.reload();
    await page.getByRole('heading', { name: 'No papers yet' }).waitFor({ timeout: 15_000 });
    await writeFile(join(session.folder, 'hostile-journal.xml'), journalRss());
    await writeFile(join(session.folder, 'hostile.json'), jsonFeed());
    await writeFile(join(session.folder, 'hostile-arxiv.xml'), arxivRss());
  });

  afterAll(() => session?.close());

  it('stores every case, and opening each one runs no script and sends no request', { timeout: 300_000 }, async () => {
    const expected = CASES.length * 3;
    await expect.poll(() => page.getByTestId('count-all').textContent(), { timeout: 60_000 }).toBe(String(expected));

    const readerTitle = () => page.locator('#reader-title').textContent({ timeout: 1000 }).catch(() => null);
    const opened = new Set<string>();
    for (let index = 0; index < expected; index += 1) {
      const before = await readerTitle();
      await page.keyboard.press('j');
      await expect.poll(readerTitle, { timeout: 10_000 }).not.toBe(before);
      opened.add((await readerTitle())!);
      harm.dangerous.push(...(await page.evaluate(dangerousInReader)));
    }
    // Let lazy math, images and anything scheduled by a payload have their chance.
    await page.waitForTimeout(1000);
    const violations = (await page.evaluate(() => (window as unknown as { policyViolations: string[] }).policyViolations)) ?? [];

    console.log(
      [
        `XSS corpus: ${DOMPURIFY_CASES.length} DOMPurify cases and ${MATH_AND_LINK_CASES.length} math and link cases, in 3 feeds (journal RSS title/description/content:encoded, JSON Feed title/content_html, arXiv RSS title/abstract as LaTeX)`,
        `papers stored ${await page.getByTestId('count-all').textContent()} of ${expected}, opened in the reader ${opened.size}`,
        `dialogs (scripts that ran) ${harm.dialogs.length}, requests that left the page ${harm.externalRequests.length}, dangerous markup in the reader ${harm.dangerous.length}`,
        `content-security-policy refusals ${violations.length} (attempts the policy stopped, beyond what the sanitizer removed)`,
      ].join('\n'),
    );
    expect(opened.size).toBe(expected);
    expect(harm.dialogs).toEqual([]);
    expect(harm.externalRequests).toEqual([]);
    expect([...new Set(harm.dangerous)]).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
