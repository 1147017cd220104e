import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebSocketBridge } from '../renderer/bridge/websocket-bridge';
import type { Connection } from '../shared/ipc';

/** Just enough of a browser WebSocket to drive the bridge: opened and closed by the test. */
class FakeSocket extends EventTarget {
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  static made: FakeSocket[] = [];
  readyState = 0;
  binaryType = 'blob';
  readonly sent: string[] = [];

  constructor(readonly url: string) {
    super();
    FakeSocket.made.push(this);
  }

  send(text: string): void {
    this.sent.push(text);
  }

  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.dispatchEvent(new Event('open'));
  }

  drop(): void {
    this.readyState = FakeSocket.CLOSED;
    this.dispatchEvent(new Event('close'));
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  FakeSocket.made = [];
});

describe('the web-mode bridge', () => {
  it('fails a call made while it waits to reconnect, rather than sending it into a closed socket', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    const bridge = createWebSocketBridge('ws://127.0.0.1:1/ws');
    const [first] = FakeSocket.made;
    first!.open();
    first!.drop();
    await expect(bridge.invoke('stored', { hash: 'h' })).rejects.toThrow(/disconnected/u);
    expect(first!.sent).toEqual([]);

    await vi.advanceTimersByTimeAsync(250);
    const second = FakeSocket.made[1]!;
    second.open();
    const call = bridge.invoke('stored', { hash: 'h' });
    await vi.advanceTimersByTimeAsync(0);
    expect(second.sent.map((text) => JSON.parse(text) as { channel: string })).toMatchObject([{ channel: 'stored' }]);
    second.drop();
    await expect(call).rejects.toThrow(/disconnected/u);
  });

  it('stops trying, and says so, when the server answers but no longer takes the page’s token', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => (asked.push(url), new Response(null, { status: 403 })));
    const bridge = createWebSocketBridge('ws://127.0.0.1:1/TOKEN/ws');
    const connections: Connection[] = [];
    bridge.onConnectionChange((connection) => connections.push(connection));
    FakeSocket.made[0]!.open();
    // The server goes, and the page's open socket closes: it tries again without asking.
    FakeSocket.made[0]!.drop();
    await vi.advanceTimersByTimeAsync(250);
    expect(asked).toEqual([]);
    // Back with a new token, the server refuses the socket, and the page.
    FakeSocket.made[1]!.drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(connections).toEqual(['reconnecting', 'refused']);
    expect(asked).toEqual(['http://127.0.0.1:1/TOKEN/']);
    expect(FakeSocket.made).toHaveLength(2);
  });

  it('keeps trying while the server is down, and says when it is back', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const bridge = createWebSocketBridge('ws://127.0.0.1:1/TOKEN/ws');
    const connections: Connection[] = [];
    bridge.onConnectionChange((connection) => connections.push(connection));
    FakeSocket.made[0]!.open();
    FakeSocket.made[0]!.drop();
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await vi.advanceTimersByTimeAsync(5_000);
      FakeSocket.made[attempt]!.drop();
    }
    await vi.advanceTimersByTimeAsync(5_000);
    FakeSocket.made[4]!.open();
    expect(connections).toEqual(['reconnecting', 'connected']);
  });
});
