import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { eventFrames } from '../../shared/batch-frames';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { dispatchInvoke } from '../../shared/ipc-dispatch';
import type { WireMessage } from '../../shared/ipc';
import type { PaperdropCore } from '../core/paperdrop-core';
import type { WebAccess } from './access';
import { asciiJson } from './ascii-json';
import { readInvokeCall } from './invoke-message';
import { parseRequestTarget } from './request-target';
import { readStaticFile } from './static-files';

export const WEB_HOST = '127.0.0.1';
/** The bridge's WebSocket, within the app's path (WebAccess.appPath). */
export const WEBSOCKET_PATH = '/ws';

export interface WebServerOptions {
  core: PaperdropCore;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  accessFor: (port: number) => WebAccess;
  log?: (line: string) => void;
}

export interface WebServer {
  /** The address it listens on: always loopback. */
  host: string;
  port: number;
  access: WebAccess;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * A tab sends small calls, and files it imports in chunks of 4 MB (about 5.6 MB as base64 JSON, see
 * shared/import-limits.ts); hello lists the hashes of the files it holds.
 */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/**
 * A browser on this machine sends a request's head at once, and web mode takes no request bodies,
 * so a connection whose request is not in within seconds is a stalled or hostile one: it gets 408
 * and is closed. (Node's own limits are a minute and more; `PRI / HTTP/1.1` would hold a connection that long.)
 */
const REQUEST_LIMITS = { headersTimeout: 2_000, requestTimeout: 3_000, connectionsCheckingInterval: 500 };

/**
 * Serves the built renderer and the bridge's WebSocket on loopback only, behind a token.
 * Any page the user visits can reach a loopback port, so no request, frame or connection
 * error may throw out of a handler: each gets an HTTP error or a closed socket.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const server = createServer(REQUEST_LIMITS);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, WEB_HOST, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('web server has no TCP address');
  const access = options.accessFor(address.port);

  server.on('request', (request, response) => {
    serveHttp(request, response, access, options.rendererDir).catch((error: unknown) => {
      log(`Paperdrop web: ${request.method} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (response.headersSent) response.destroy();
      else response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Server error');
    });
  });
  server.on('upgrade', (request, socket, head) => {
    // Past the upgrade event the socket is ours: a reset with no listener would throw.
    socket.on('error', () => socket.destroy());
    if (!upgradeAllowed(request, access)) return refuseUpgrade(socket);
    sockets.handleUpgrade(request, socket, head, (ws) => bridgeSocket(ws, options.core, log));
  });

  return {
    host: address.address,
    port: address.port,
    access,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function serveHttp(request: IncomingMessage, response: ServerResponse, access: WebAccess, rendererDir: string) {
  const url = parseRequestTarget(request.url);
  if (!url) {
    response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Bad request target');
    return;
  }
  if (!access.hostAllowed(request)) return refuse(response, 'Paperdrop web only answers at 127.0.0.1 or localhost.');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const path = access.pathInApp(url);
  if (path === '' || (path === null && access.tokenInQuery(url))) {
    // To the app's page, whose files are named relative to it: the app's path without its slash, or
    // a link of the form earlier versions printed. The target is fixed: a path from the request could
    // name another site ("/.//evil.example/" becomes "//evil.example/").
    response.writeHead(303, { Location: access.appPath, ...SECURITY_HEADERS });
    response.end();
    return;
  }
  if (path === null) return refuse(response, 'Open Paperdrop with the link printed in the terminal.');
  const file = await readStaticFile(rendererDir, path);
  if (!file) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Not found');
    return;
  }
  response.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': file.cacheControl, ...SECURITY_HEADERS });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

function refuse(response: ServerResponse, message: string): void {
  response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end(`Forbidden. ${message}`);
}

function upgradeAllowed(request: IncomingMessage, access: WebAccess): boolean {
  const url = parseRequestTarget(request.url);
  return url !== null && access.pathInApp(url) === WEBSOCKET_PATH && access.hostAllowed(request) && access.originAllowed(request);
}

function refuseUpgrade(socket: Duplex): void {
  socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
}

/** One browser tab: a session of the core, spoken to in WireMessages. */
function bridgeSocket(ws: WebSocket, core: PaperdropCore, log: (line: string) => void): void {
  // Binary frames: Chromium turns a text frame of megabytes (a file's batch) into a string several
  // times slower than the page's TextDecoder reads the same bytes, and faster still when they are
  // ASCII (asciiJson). A batch goes in several frames.
  const send = (message: WireMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(Buffer.from(asciiJson(message), 'latin1'), { binary: true });
  };
  const session = core.connect((channel, payload) => eventFrames(channel, payload).forEach(send));
  ws.on('close', () => core.disconnect(session));
  // A broken frame (bad UTF-8, too large, unknown opcode, unmasked): ws has already closed this
  // connection with the matching close code; without this listener the error would end the process.
  ws.on('error', (error) => log(`Paperdrop web: closed a connection: ${error.message}`));
  ws.on('message', async (data) => {
    const read = Buffer.isBuffer(data) ? readInvokeCall(data) : { ok: false as const, reason: 'unexpected frame data' };
    if (!read.ok) return ws.close(1003, read.reason);
    const { id, channel, args } = read.call;
    try {
      const value = await dispatchInvoke(session.handlers, channel, args);
      send({ kind: 'result', id, ok: true, value: value ?? null });
    } catch (error) {
      send({ kind: 'result', id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
