import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  session,
  shell,
  type OpenDialogOptions,
  type WebContents,
} from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, resolveAppFile } from './app-protocol';
import type { ClientSession } from './core/client-session';
import { PaperdropCore } from './core/paperdrop-core';
import { isTrustedFrame, registerIpc, sendEvent } from './ipc';
import { menuTemplate } from './menu-template';
import { guardWebContents } from './navigation';
import { createWindowOptions } from './window-options';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, 'preload.cjs');
const samplesDir = join(here, '../../assets/samples');

let mainWindow: BrowserWindow | null = null;
const sessionsByContents = new Map<WebContents, ClientSession>();

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => shell.openExternal(url)));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Paperdrop could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
}

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    return file ? net.fetch(pathToFileURL(file).toString()) : new Response('Not found', { status: 404 });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const core = await PaperdropCore.start({
    configDir: app.getPath('userData'),
    samplesDir,
    pickFolder,
    parseWorker: new URL('./parse-worker.js', import.meta.url),
  });
  closeCoreOnQuit(core);
  registerIpc(ipcMain, { handlersFor: (sender) => sessionsByContents.get(sender)?.handlers, isTrustedFrame });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate((id) => mainWindow && sendEvent(mainWindow.webContents, 'command', { id }))));
  mainWindow = openWindow(core);
}

function openWindow(core: PaperdropCore): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions(preloadPath));
  // Kept: once the window is closed its webContents can no longer be read from it.
  const contents = window.webContents;
  const clientSession = core.connect((channel, payload) => sendEvent(contents, channel, payload));
  sessionsByContents.set(contents, clientSession);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    core.disconnect(clientSession);
    sessionsByContents.delete(contents);
    mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Paperdrop: could not load the page:', error));
  return window;
}

async function pickFolder(): Promise<string | null> {
  const options: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** Quitting waits once for the core to stop watching and finish its queue. */
function closeCoreOnQuit(core: PaperdropCore): void {
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    core
      .close()
      .catch((error: unknown) => console.error('Paperdrop: closing failed:', error))
      .finally(() => app.quit());
  });
}
