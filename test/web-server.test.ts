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

const cookie = () => `${running.server.access.cookieName}=${TOKEN}`;
const origin = () => `http://127.0.0.1:${running.server.port}`;

function openSocket(headers: Record<string, string>, path = '/ws'): Promise<WebSocket> {
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

  it('answers 403 without the token, or with a wrong one', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/assets/app.js')).status).toBe(403);
    expect((await get('/?token=wrong')).status).toBe(403);
    expect((await get('/', { cookie: `${running.server.access.cookieName}=wrong` })).status).toBe(403);
  });

  it('trades the token link for an HttpOnly cookie and drops the token from the address', async () => {
    const response = await get(`/?token=${TOKEN}`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');
    expect(response.headers['set-cookie']?.[0]).toBe(`${cookie()}; Path=/; HttpOnly; SameSite=Strict`);
  });

  it('serves the renderer with the cookie, under a strict policy', async () => {
    const response = await get('/', { cookie: cookie() });
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Paperdrop</title>');
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('/assets/app.js', { cookie: cookie() })).headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('refuses a foreign Host header even with the token', async () => {
    expect((await get('/', { cookie: cookie(), host: `evil.example:${running.server.port}` })).status).toBe(403);
    expect((await get(`/?token=${TOKEN}`, { host: 'evil.example' })).status).toBe(403);
    expect((await get('/', { cookie: cookie(), host: `localhost:${running.server.port}` })).status).toBe(200);
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/nope.js']) {
      expect((await get(path, { cookie: cookie() })).status, path).toBe(404);
    }
  });
});

describe('web mode WebSocket bridge', () => {
  it('refuses an upgrade without the token, from another origin, or on another path', async () => {
    await expect(openSocket({ origin: origin() })).rejects.toThrow('HTTP 403');
    await expect(openSocket({ origin: 'http://evil.example', cookie: cookie() })).rejects.toThrow('HTTP 403');
    await expect(openSocket({ origin: origin(), cookie: cookie(), host: 'evil.example' })).rejects.toThrow('HTTP 403');
    await expect(openSocket({ origin: origin(), cookie: cookie() }, '/other')).rejects.toThrow('HTTP 403');
  });

  it('answers contract calls, and refuses calls off the contract', async () => {
    const socket = await openSocket({ origin: origin(), cookie: cookie() });
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

  it('accepts the token in the query too', async () => {
    const socket = await openSocket({ origin: origin() }, `/ws?token=${TOKEN}`);
    socket.close();
  });
});
