import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  Notification,
  protocol,
  screen,
  session,
  shell,
  type OpenDialogOptions,
  type WebContents,
} from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, resolveAppFile } from './app-protocol';
import type { ClientSession } from './core/client-session';
import { importNotice } from './core/import-notice';
import { PaperdropCore } from './core/paperdrop-core';
import { restoredBounds, type OpeningBounds } from './core/window-bounds';
import { WindowStore } from './core/window-store';
import { isTrustedFrame, registerIpc, sendEvent } from './ipc';
import { menuCommandRunner } from './menu-commands';
import { menuTemplate } from './menu-template';
import { guardWebContents } from './navigation';
import { rememberWindow } from './remember-window';
import { saveDownloadsThroughDialog } from './save-dialog-downloads';
import { bringToFront, claimSingleInstance } from './single-instance';
import { createWindowOptions, DEFAULT_WINDOW_SIZE } from './window-options';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, 'preload.cjs');
const samplesDir = join(here, '../../assets/samples');

let mainWindow: BrowserWindow | null = null;
/** Held so that it is not collected while shown, which would lose its click. */
let shownNotice: Notification | null = null;
const sessionsByContents = new Map<WebContents, ClientSession>();

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

if (claimSingleInstance(app, () => bringToFront(mainWindow))) {
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
  saveDownloadsThroughDialog(session.defaultSession, app.getPath('downloads'));

  const configDir = app.getPath('userData');
  const windowStore = new WindowStore(configDir, (error) => console.error('Paperdrop: could not keep the window’s place:', error));
  const savedWindow = await windowStore.load();
  const core = await PaperdropCore.start({
    configDir,
    samplesDir,
    pickFolder,
    parseWorker: new URL('./parse-worker.js', import.meta.url),
  });
  closeOnQuit(core, windowStore);
  registerIpc(ipcMain, { handlersFor: (sender) => sessionsByContents.get(sender)?.handlers, isTrustedFrame });
  const runMenuCommand = menuCommandRunner({
    sendToRenderer: (id) => mainWindow && sendEvent(mainWindow.webContents, 'command', { id }),
    importWithDialog: () => void importWithDialog(core),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(runMenuCommand)));
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  mainWindow = openWindow(core, restoredBounds(savedWindow, workAreas, DEFAULT_WINDOW_SIZE));
  rememberWindow(mainWindow, (place) => windowStore.save(place));
}

function openWindow(core: PaperdropCore, { maximized, ...bounds }: OpeningBounds): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions(preloadPath, bounds));
  // Kept: once the window is closed its webContents can no longer be read from it.
  const contents = window.webContents;
  const noticeImports = importNotice({ isFocused: () => window.isFocused(), notify: showNotice });
  const clientSession = core.connect((channel, payload) => {
    sendEvent(contents, channel, payload);
    noticeImports(channel, payload);
  });
  sessionsByContents.set(contents, clientSession);
  window.once('ready-to-show', () => {
    // maximize() also shows the window.
    if (maximized) window.maximize();
    window.show();
  });
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

/** Imports the files chosen in a native dialog; those left out are named in an error box. */
async function importWithDialog(core: PaperdropCore): Promise<void> {
  const options: OpenDialogOptions = { title: 'Import feed files', properties: ['openFile', 'multiSelections'] };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  if (result.canceled || result.filePaths.length === 0) return;
  const { errors } = await core.importPaths(result.filePaths);
  if (errors.length > 0) dialog.showErrorBox(`${errors.length} of ${result.filePaths.length} files were not imported`, errors.join('\n'));
}

/** An OS notification that brings the window to the front when clicked; none where the platform has none. */
function showNotice(title: string, body: string): void {
  if (!Notification.isSupported()) return;
  shownNotice = new Notification({ title, body });
  shownNotice.on('click', () => bringToFront(mainWindow));
  shownNotice.show();
}

/** Quitting waits once for the core to stop watching and finish its queue, and for the window's place to be written. */
function closeOnQuit(core: PaperdropCore, windowStore: WindowStore): void {
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    Promise.all([core.close(), windowStore.idle()])
      .catch((error: unknown) => console.error('Paperdrop: closing failed:', error))
      .finally(() => app.quit());
  });
}
