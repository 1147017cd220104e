import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  afterHandshake,
  CLOSE_OPCODE,
  decodeServerFrames,
  encodeFrame,
  hasStatusLine,
  PONG_OPCODE,
  rawExchange,
  statusOf,
  type FrameSpec,
  type RawReply,
} from './raw-wire';
import { startWebMode, type WebModeProcess } from './web-mode-process';

// The real `npm run web` process, a new one for each test: a defect here used to end it, which an
// in-process server would hide, and one test's crash must not fail the next.
let web: WebModeProcess;
let port: number;
let token: string;
let scratch: string;

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'hostile-'));
  web = await startWebMode(join(scratch, 'inbox'), join(scratch, 'config'));
  const url = new URL(web.url);
  port = Number(url.port);
  token = url.pathname.split('/')[1]!;
});

afterEach(async () => {
  await web.stop();
  await rm(scratch, { recursive: true, force: true });
});

const host = () => `127.0.0.1:${port}`;

function httpRequest(head: string): Promise<RawReply> {
  return rawExchange(port, [head], hasStatusLine);
}

/** Web mode is still running and still serves its page to the token holder. */
async function expectServing(): Promise<void> {
  expect(web.child.exitCode, 'the web mode process exited').toBeNull();
  const reply = await httpRequest(`GET /${token}/ HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`);
  expect(statusOf(reply.data)).toBe(200);
}

function upgradeHead(target = `/${token}/ws`): string {
  return [
    `GET ${target} HTTP/1.1`,
    `Host: ${host()}`,
    `Origin: http://${host()}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    '',
    '',
  ].join('\r\n');
}

const PING = encodeFrame({ opcode: 0x9, payload: Buffer.from('alive?') });

/** The server's frames once it has answered the probe ping or closed. */
function answered(data: Buffer): boolean {
  const frames = afterHandshake(data);
  return frames !== null && decodeServerFrames(frames).some((frame) => frame.opcode === CLOSE_OPCODE || frame.opcode === PONG_OPCODE);
}

/**
 * Sends one frame on an authorised connection, then a ping. The server answers each frame: it
 * goes on (the ping gets its pong) or closes this one connection with a close code.
 */
async function sendFrame(frame: Buffer): Promise<{ closeCode: number | null; closeReason: string; closed: boolean; pong: boolean }> {
  const reply = await rawExchange(port, [upgradeHead(), frame, PING], answered);
  expect(statusOf(reply.data), 'the upgrade was refused').toBe(101);
  const frames = decodeServerFrames(afterHandshake(reply.data) ?? Buffer.alloc(0));
  const close = frames.find((each) => each.opcode === CLOSE_OPCODE);
  return {
    closeCode: close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : null,
    closeReason: close ? close.payload.subarray(2).toString('utf8') : '',
    closed: reply.closed,
    pong: frames.some((each) => each.opcode === PONG_OPCODE),
  };
}

describe('web mode under hostile requests', () => {
  it('answers a request for "//" with an error, without a token, and keeps serving', async () => {
    const reply = await httpRequest(`GET // HTTP/1.1\r\nHost: ${host()}\r\n\r\n`);
    expect(statusOf(reply.data)).toBe(400);
    await expectServing();
  });

  it('refuses a WebSocket upgrade to "//" and keeps serving', async () => {
    const reply = await rawExchange(port, [upgradeHead('//')], hasStatusLine);
    expect(statusOf(reply.data)).toBe(403);
    await expectServing();
  });

  it('sends an old link to the app itself, never to a path that names another site', async () => {
    for (const target of [`/.//evil.example/?token=${token}`, `/%2e//evil.example/?token=${token}`, `/?token=${token}`, `/${token}`]) {
      const reply = await httpRequest(`GET ${target} HTTP/1.1\r\nHost: ${host()}\r\n\r\n`);
      expect(statusOf(reply.data), target).toBe(303);
      expect(reply.data.toString('latin1'), target).toContain(`\r\nLocation: /${token}/\r\n`);
    }
  });

  it.each([
    ['a head that never ends', `GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\n`],
    ['an HTTP/2 preface cut short', 'PRI / HTTP/1.1\r\n\r\n'],
  ])('answers %s with 408 within seconds, and keeps serving', async (_name, head) => {
    const started = performance.now();
    const reply = await rawExchange(port, [head], hasStatusLine, 10_000);
    console.log(`${JSON.stringify(head)}: ${statusOf(reply.data) ?? 'closed'} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(statusOf(reply.data)).toBe(408);
    await expectServing();
  });

  it.each<[string, FrameSpec, number]>([
    ['a null message', { opcode: 0x1, payload: Buffer.from('null') }, 1003],
    ['a number message', { opcode: 0x2, payload: Buffer.from('42') }, 1003],
    ['text that is not UTF-8', { opcode: 0x1, payload: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) }, 1007],
    ['a frame over 16 MB', { opcode: 0x2, declaredLength: 16 * 1024 * 1024 + 1 }, 1009],
    ['opcode 3', { opcode: 0x3, payload: Buffer.from('{}') }, 1002],
    ['an unmasked frame', { opcode: 0x1, masked: false, payload: Buffer.from('{}') }, 1002],
  ])('closes the one connection that sends %s, with a reason, and goes on', async (_name, spec, code) => {
    const reply = await sendFrame(encodeFrame(spec));
    expect(reply.closeCode).toBe(code);
    await expectServing();
  });

  it('names the reason when it closes on a message that is not a call', async () => {
    expect((await sendFrame(encodeFrame({ opcode: 0x1, payload: Buffer.from('[1,2]') }))).closeReason).toBe('not an invoke message');
    expect((await sendFrame(encodeFrame({ opcode: 0x1, payload: Buffer.from('{"kind":') }))).closeReason).toBe('not JSON');
  });
});

/** Pieces of request lines and headers that parsers and URL handling have tripped on. */
const TARGETS = ['/', '//', '///x', '/.//a/', '*', 'http://evil.example/', '/%', '/%00', '/%2e%2e/%2e%2e/etc/passwd', '/ws', '//ws', '/?token=', '/\u00ff', '', '/a b'];
const METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS', 'CONNECT', 'PRI', 'G ET', '', 'get'];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9', 'HTTPS/1.1', ''];
const HEADER_LINES = [
  () => `Host: ${host()}`,
  () => 'Host: evil.example',
  () => 'Host:',
  () => `Cookie: paperdrop_token_${port}=${token}`,
  () => 'Cookie: =;;=;a',
  () => 'Content-Length: -1',
  () => 'Content-Length: 5\r\nContent-Length: 6',
  () => 'Transfer-Encoding: chunked',
  () => 'Upgrade: websocket\r\nConnection: Upgrade',
  () => 'Sec-WebSocket-Version: 99',
  () => 'Sec-WebSocket-Key: x',
  () => `Origin: http://${host()}`,
  () => 'Origin: null',
  () => 'X-Broken',
  () => ' folded: header',
  () => `X-Long: ${'a'.repeat(20_000)}`,
];

describe('web mode fuzzed', () => {
  it('answers every malformed request line and header set, and stays up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...METHODS),
        fc.constantFrom(...TARGETS, `/${token}/`, `/${token}/ws`, `/${token}/%2e%2e/%2e%2e/etc/passwd`, `/${token}//evil.example/`),
        fc.constantFrom(...VERSIONS),
        fc.subarray(HEADER_LINES.map((_line, index) => index)),
        fc.constantFrom('\r\n', '\n'),
        async (method, target, version, headers, newline) => {
          const lines = [[method, target, version].filter((part) => part !== '').join(' '), ...headers.map((index) => HEADER_LINES[index]!())];
          const reply = await rawExchange(port, [`${lines.join(newline)}${newline}${newline}`], hasStatusLine);
          // An answer is a status line or a closed connection; a hung connection is neither.
          expect(hasStatusLine(reply.data) || reply.closed).toBe(true);
          expect(web.child.exitCode).toBeNull();
        },
      ),
      { numRuns: 150 },
    );
    await expectServing();
  });

  it('answers every malformed WebSocket frame, and stays up', async () => {
    const frames = fc.record({
      fin: fc.boolean(),
      rsv: fc.integer({ min: 0, max: 7 }),
      opcode: fc.integer({ min: 0, max: 15 }),
      masked: fc.boolean(),
      payload: fc.oneof(
        fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
        fc.json().map((text) => Buffer.from(text)),
        fc.constantFrom('null', '{"kind":"invoke","id":1,"channel":"hello","args":[null]}', '{"kind":"invoke","id":1.5,"args":[]}').map((text) => Buffer.from(text)),
      ),
      oversized: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(frames, async ({ oversized, ...spec }) => {
        const frame = encodeFrame(oversized ? { ...spec, declaredLength: 2 ** 40 } : spec);
        const reply = await sendFrame(frame);
        expect(reply.pong || reply.closeCode !== null || reply.closed).toBe(true);
        expect(web.child.exitCode).toBeNull();
      }),
      { numRuns: 150 },
    );
    await expectServing();
  });
});
