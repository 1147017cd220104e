import { createFrameAssembler } from '../../shared/batch-frames';
import type { Bridge, Connection, EventChannel, EventMap, InvokeChannel, WireMessage } from '../../shared/ipc';

const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 5000];

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * Web mode's bridge: the same contract as Electron's preload, over a WebSocket to the
 * loopback server, at a path that holds the token (see electron/web/access.ts). It reconnects
 * when the server comes back and says so through onConnectionChange. When a reconnect fails, it
 * asks for the app's page: a server that refuses it (403) no longer takes this page's token, and
 * trying again would never end.
 */
export function createWebSocketBridge(url: string): Bridge {
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const connectionListeners = new Set<(connection: Connection) => void>();
  const tell = (connection: Connection) => {
    for (const listener of connectionListeners) listener(connection);
  };
  /** The app's page, beside the socket. */
  const pageUrl = new URL('./', url.replace(/^ws/u, 'http')).href;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let attempt = 0;
  let socket: WebSocket;
  /** Main sends JSON in binary frames, in ASCII (see electron/web/web-server.ts). */
  const decoder = new TextDecoder();
  let opened: Promise<void>;
  const events = createFrameAssembler((channel, payload) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload as never);
  });

  const connect = () => {
    socket = new WebSocket(url);
    opened = new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('close', () => reject(new Error('Paperdrop server is not reachable')), { once: true });
    });
    opened.catch(() => undefined);
    let didOpen = false;
    socket.addEventListener('open', () => {
      didOpen = true;
      const reconnected = attempt > 0;
      attempt = 0;
      if (reconnected) tell('connected');
    });
    socket.binaryType = 'arraybuffer';
    socket.addEventListener('message', (event) => receive(JSON.parse(decoder.decode(event.data as ArrayBuffer)) as WireMessage));
    socket.addEventListener('close', () => {
      events.reset();
      for (const [id, call] of pending) {
        call.reject(new Error('Paperdrop server disconnected'));
        pending.delete(id);
      }
      if (attempt === 0) tell('reconnecting');
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)]!;
      attempt += 1;
      void (didOpen ? Promise.resolve(false) : tokenRefused()).then((refused) => {
        if (refused) tell('refused');
        else setTimeout(connect, delay);
      });
    });
  };

  /** Whether the server is up and refuses the page: a server that is down answers nothing. */
  const tokenRefused = () =>
    fetch(pageUrl, { method: 'HEAD', cache: 'no-store' }).then(
      (response) => response.status === 403,
      () => false,
    );

  const receive = (message: WireMessage) => {
    if (message.kind === 'event' || message.kind === 'papers') {
      events.receive(message);
    } else if (message.kind === 'result') {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) call?.resolve(message.value);
      else call?.reject(new Error(message.error));
    }
  };

  connect();

  return {
    async invoke(channel: InvokeChannel, ...args: unknown[]) {
      await opened;
      // Between a close and the reconnect, `opened` is the old socket's: a send would be dropped
      // without a word, and the call would wait for ever (an unanswered `stored` holds up every batch after it).
      if (socket.readyState !== WebSocket.OPEN) throw new Error('Paperdrop server disconnected');
      const id = nextId++;
      const result = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
      socket.send(JSON.stringify({ kind: 'invoke', id, channel, args } satisfies WireMessage));
      return result;
    },
    on<K extends EventChannel>(channel: K, listener: (payload: EventMap[K]) => void) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  } as Bridge;
}
