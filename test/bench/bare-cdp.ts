import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium';

/**
 * Chromium showing one page, with no DevTools client attached but a bare socket that only
 * evaluates expressions. Playwright enables DevTools' Network domain on every page, and with it
 * Chromium copies each WebSocket frame, base64-encoded, to the client: during a large web-mode
 * ingest that is the whole library again, which costs the 2 cores several seconds (docs/ingest-cost.md).
 */
export interface BareBrowser {
  /** The page's value of a JavaScript expression (JSON-serialisable). */
  evaluate(expression: string): Promise<unknown>;
  /** Chromium's main process, to sample CPU from. */
  process: ChildProcess;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

export async function openBareBrowser(url: string, profile: string): Promise<BareBrowser> {
  const child = spawn(CHROMIUM_PATH, ['--headless', ...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', '--window-size=1280,800', url], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    child.kill();
    await exited;
  };
  try {
    const socket = new WebSocket(await pageSocketUrl(profile, url));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    let lastId = 0;
    const evaluate = (expression: string) =>
      new Promise<unknown>((resolve, reject) => {
        const id = ++lastId;
        const onMessage = (data: Buffer) => {
          const message = JSON.parse(String(data)) as { id?: number; result?: { result?: { value?: unknown }; exceptionDetails?: { text: string } } };
          if (message.id !== id) return;
          socket.off('message', onMessage);
          if (message.result?.exceptionDetails) reject(new Error(message.result.exceptionDetails.text));
          else resolve(message.result?.result?.value);
        };
        socket.on('message', onMessage);
        socket.send(JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }));
      });
    return {
      evaluate,
      process: child,
      close: async () => {
        socket.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The page's DevTools socket: Chromium writes the port it chose to DevToolsActivePort in the profile. */
async function pageSocketUrl(profile: string, url: string): Promise<string> {
  const origin = new URL(url).origin;
  for (const deadline = Date.now() + START_TIMEOUT_MS; Date.now() < deadline; await sleep(100)) {
    const port = (await readFile(join(profile, 'DevToolsActivePort'), 'utf8').catch(() => '')).split('\n')[0];
    if (!port) continue;
    const targets = (await fetch(`http://127.0.0.1:${port}/json/list`)
      .then((response) => response.json())
      .catch(() => [])) as { type: string; url: string; webSocketDebuggerUrl: string }[];
    const page = targets.find((target) => target.type === 'page' && target.url.startsWith(origin));
    if (page) return page.webSocketDebuggerUrl;
  }
  throw new Error(`Chromium did not open ${origin} within ${START_TIMEOUT_MS / 1000} s`);
}
