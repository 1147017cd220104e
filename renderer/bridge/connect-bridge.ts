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
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createWebSocketBridge(`${scheme}//${location.host}/ws`);
}
