import type { IpcMain, WebContents, WebFrameMain } from 'electron';
import { INVOKE_CHANNELS, IPC_PREFIX, type EventChannel, type EventMap, type InvokeHandlers } from '../shared/ipc';
import { dispatchInvoke } from '../shared/ipc-dispatch';
import { isAppUrl } from './app-protocol';

export interface IpcOptions {
  /** The handlers of the session belonging to this web contents; undefined when it has none. */
  handlersFor: (sender: WebContents) => InvokeHandlers | undefined;
  isTrustedFrame: (frame: WebFrameMain | null) => boolean;
}

/** Only the top frame of our own page may call main; iframes and foreign pages may not. */
export function isTrustedFrame(frame: Pick<WebFrameMain, 'parent' | 'url'> | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** Serves every invoke channel of the contract; returns the function that stops serving them. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, options: IpcOptions): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, async (event, ...args: unknown[]) => {
      if (!options.isTrustedFrame(event.senderFrame)) throw new Error(`Untrusted sender for ${channel}`);
      const handlers = options.handlersFor(event.sender);
      if (!handlers) throw new Error(`No session for ${channel}`);
      return dispatchInvoke(handlers, channel, args);
    });
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(IPC_PREFIX + channel);
  };
}

export function sendEvent<K extends EventChannel>(
  contents: Pick<WebContents, 'send' | 'isDestroyed'>,
  channel: K,
  payload: EventMap[K],
): void {
  if (!contents.isDestroyed()) contents.send(IPC_PREFIX + channel, payload);
}
