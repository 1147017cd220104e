import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { IPC_PREFIX, isEventChannel, isInvokeChannel, type Bridge, type EventMap } from '../shared/ipc';

const noop = (): void => {};

/** The Bridge the page sees as window.paperdrop: contract channels only, and never an IpcRendererEvent. */
export function createPreloadBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Bridge {
  return Object.freeze<Bridge>({
    invoke: (channel, ...args) => {
      if (!isInvokeChannel(channel)) return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
      return ipc.invoke(IPC_PREFIX + channel, ...args);
    },
    on: (channel, listener) => {
      if (!isEventChannel(channel)) throw new Error(`Unknown event: ${String(channel)}`);
      const name = IPC_PREFIX + channel;
      const forward = (_event: IpcRendererEvent, payload: EventMap[typeof channel]) => listener(payload);
      ipc.on(name, forward);
      return () => {
        ipc.removeListener(name, forward);
      };
    },
    onConnectionChange: () => noop,
  });
}
