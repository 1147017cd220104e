import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebSocketBridge } from '../renderer/bridge/websocket-bridge';

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
});
