import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWebSession, type WebSession } from './web-session';

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
}

/** Another service on 127.0.0.1, as any program of the user's may run: it records what browsers send it. */
async function otherLocalService(seen: Seen[]): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>other</title><img src="/pixel.png">');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

describe('web mode beside other services on 127.0.0.1, in real Chromium', () => {
  let session: WebSession;
  let other: { server: Server; origin: string };
  const seen: Seen[] = [];

  beforeAll(async () => {
    session = await openWebSession('e2e-other-ports');
    other = await otherLocalService(seen);
  });

  afterAll(async () => {
    await session?.close();
    await new Promise((resolve) => other?.server.close(resolve));
  });

  it('gives the browser no cookie, so no other port of 127.0.0.1 ever receives the token', async () => {
    const { page, browser, web } = session;
    await page.getByRole('heading', { name: 'No papers yet' }).waitFor({ timeout: 15_000 });
    const token = new URL(web.url).pathname.split('/')[1]!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(await browser.cookies()).toEqual([]);

    // Paperdrop's page may not even ask another port (its policy allows only its own origin)...
    const fetched = await page.evaluate((origin) => fetch(`${origin}/from-paperdrop`, { mode: 'no-cors' }).then(() => 'fetched', () => 'refused'), other.origin);
    expect(fetched).toBe('refused');
    // ...and the user visits the other service in the same browser.
    const visit = await browser.newPage();
    await visit.goto(`${other.origin}/`);
    await visit.locator('img').evaluate((image: HTMLImageElement) => image.decode().catch(() => null));
    await visit.close();

    expect(seen.map((request) => request.url)).toEqual(expect.arrayContaining(['/', '/pixel.png']));
    expect(seen.map((request) => request.url)).not.toContain('/from-paperdrop');
    for (const request of seen) {
      const sent = JSON.stringify(request);
      console.log(`other service got ${request.url}: cookie ${request.headers.cookie ?? 'none'}, referer ${request.headers.referer ?? 'none'}`);
      expect(sent, request.url).not.toContain(token);
    }
  });
});
