import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WireMessage } from '../shared/ipc';
import { TEST_TOKEN, testWebServerForEach } from './test-web-server';

const TOKEN = TEST_TOKEN;
const running = testWebServerForEach();

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP GET, so the Host header and path are sent exactly as given. */
function get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port: running.server.port, path, headers: { host: `127.0.0.1:${running.server.port}`, ...headers } },
      (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}

const APP = `/${TOKEN}/`;
const origin = () => `http://127.0.0.1:${running.server.port}`;

function openSocket(headers: Record<string, string>, path = `${APP}ws`): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${running.server.port}${path}`, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

function call(socket: WebSocket, message: WireMessage): Promise<WireMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const reply = JSON.parse(String(data)) as WireMessage;
      if (reply.kind === 'result' && message.kind === 'invoke' && reply.id === message.id) {
        socket.off('message', onMessage);
        resolve(reply);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify(message));
  });
}

describe('web mode HTTP', () => {
  it('listens on loopback only', () => {
    expect(running.server.host).toBe('127.0.0.1');
    expect(running.server.port).toBeGreaterThan(0);
  });

  it('answers 403 outside the token\'s path, or with a wrong token', async () => {
    for (const path of ['/', '/assets/app.js', '/index.html', '/?token=wrong', '/wrong/', `/${TOKEN}x/`, `/x${TOKEN}/`, `/${TOKEN.slice(0, -1)}/`]) {
      expect((await get(path)).status, path).toBe(403);
    }
    expect((await get('/', { cookie: `paperdrop_token_${running.server.port}=${TOKEN}` })).status).toBe(403);
  });

  it('sends the link earlier versions printed, and the app\'s path without its slash, to the app, and sets no cookie', async () => {
    for (const path of [`/?token=${TOKEN}`, `/${TOKEN}`, `/${TOKEN}?x=1`]) {
      const response = await get(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.location, path).toBe(APP);
    }
    for (const path of [`/?token=${TOKEN}`, APP, `${APP}assets/app.js`]) expect((await get(path)).headers['set-cookie'], path).toBeUndefined();
  });

  it('serves the renderer under the token\'s path, under a strict policy', async () => {
    const response = await get(APP);
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Paperdrop</title>');
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect((await get(`${APP}assets/app.js`)).headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('lets the browser keep the built scripts, named by their content, and has it check the page each time', async () => {
    expect((await get(`${APP}assets/app.js`)).headers['cache-control']).toBe('private, max-age=31536000, immutable');
    for (const path of [APP, `${APP}index.html`]) expect((await get(path)).headers['cache-control'], path).toBe('no-cache');
  });

  it('refuses a foreign Host header even with the token', async () => {
    expect((await get(APP, { host: `evil.example:${running.server.port}` })).status).toBe(403);
    expect((await get(`/?token=${TOKEN}`, { host: 'evil.example' })).status).toBe(403);
    expect((await get(APP, { host: `localhost:${running.server.port}` })).status).toBe(200);
  });

  it('serves nothing outside the renderer folder', async () => {
    // A path that climbs out of the token's leaves it, and is refused; one that stays is not found.
    for (const path of ['../package.json', '%2e%2e/package.json']) expect((await get(`${APP}${path}`)).status, path).toBe(403);
    for (const path of ['assets/..%2f..%2fpackage.json', 'nope.js', '..%2fpackage.json', `..%2f${TOKEN}/index.html`]) expect((await get(`${APP}${path}`)).status, path).toBe(404);
  });
});

describe('web mode WebSocket bridge', () => {
  it('refuses an upgrade outside the token\'s path, from another origin, or on another path', async () => {
    await expect(openSocket({ origin: origin() }, '/ws')).rejects.toThrow('HTTP 403');
    await expect(openSocket({ origin: origin() }, `/ws?token=${TOKEN}`)).rejects.toThrow('HTTP 403');
    await expect(openSocket({ origin: origin(), cookie: `paperdrop_token_${running.server.port}=${TOKEN}` }, '/ws')).rejects.toThrow('HTTP 403');
    await expect(openSocket({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(openSocket({ origin: origin(), host: 'evil.example' })).rejects.toThrow('HTTP 403');
    await expect(openSocket({ origin: origin() }, `${APP}other`)).rejects.toThrow('HTTP 403');
  });

  it('answers contract calls, and refuses calls off the contract', async () => {
    const socket = await openSocket({ origin: origin() });
    try {
      expect(await call(socket, { kind: 'invoke', id: 1, channel: 'hello', args: [{ knownHashes: [] }] })).toEqual({
        kind: 'result',
        id: 1,
        ok: true,
        value: { folder: running.folder, canChooseFolder: false },
      });
      expect(await call(socket, { kind: 'invoke', id: 2, channel: 'openShell' as 'hello', args: [] })).toEqual({
        kind: 'result',
        id: 2,
        ok: false,
        error: 'Unknown channel: openShell',
      });
      expect(await call(socket, { kind: 'invoke', id: 3, channel: 'stored', args: [{ hash: 42 }] })).toEqual({
        kind: 'result',
        id: 3,
        ok: false,
        error: 'Bad arguments for stored',
      });
    } finally {
      socket.close();
    }
  });
});
