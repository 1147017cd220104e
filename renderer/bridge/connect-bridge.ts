import type { Bridge } from '../../shared/ipc';
import { createWebSocketBridge } from './websocket-bridge';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in web mode. */
    readonly paperdrop?: Bridge;
  }
}

/** Electron's preload bridge when there is one, else the web mode WebSocket to this page's server. */
export function connectBridge(): Bridge {
  if (window.paperdrop) return window.paperdrop;
  // Beside the page: web mode serves the app and its socket under the token's path only.
  const url = new URL('ws', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createWebSocketBridge(url.href);
}
