import type {
  HandlerDetails,
  IpcMain,
  IpcMainInvokeEvent,
  IpcRenderer,
  IpcRendererEvent,
  Session,
  WebContents,
  WebFrameMain,
  WindowOpenHandlerResponse,
} from 'electron';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME_PRIVILEGES, isAppUrl, resolveAppFile } from '../electron/app-protocol';
import { isTrustedFrame, registerIpc, sendEvent } from '../electron/ipc';
import { guardWebContents, isExternalWebUrl } from '../electron/navigation';
import { saveDownloadsThroughDialog } from '../electron/save-dialog-downloads';
import { createPreloadBridge } from '../electron/preload-bridge';
import { createWindowOptions } from '../electron/window-options';
import { INVOKE_CHANNELS, IPC_PREFIX, type FolderInfo, type InvokeHandlers } from '../shared/ipc';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

describe('window options', () => {
  const options = createWindowOptions('/app/dist/electron/preload.cjs');

  it('isolates and sandboxes the renderer', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    const { preload: _preload, ...checked } = options.webPreferences!;
    console.log(`the window's webPreferences: ${JSON.stringify(checked)}`);
  });

  it('passes the preload path through and waits for ready-to-show', () => {
    expect(options.webPreferences?.preload).toBe('/app/dist/electron/preload.cjs');
    expect(options.show).toBe(false);
    expect(options.title).toBe('Paperdrop');
  });
});

describe('isExternalWebUrl', () => {
  it.each([
    ['http://example.com/', true],
    ['https://arxiv.org/abs/2401.00001', true],
    ['HTTPS://EXAMPLE.COM', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['app://paperdrop/x', false],
    ['mailto:someone@example.com', false],
    ['not a url', false],
    ['', false],
    [' https://example.com', false],
    ['https://example.com\n', false],
    ['java\tscript:alert(1)', false],
    ['ht\ntps://example.com', false],
    ['https://arxiv.org@example.com/abs/1', false],
    ['https://arxiv.org:abs@example.com/', false],
    ['https://:secret@example.com/', false],
    ['https://example.com/@arxiv.org', true],
  ])('%j → %s', (url, expected) => {
    expect(isExternalWebUrl(url)).toBe(expected);
  });
});

interface RecordedEvent {
  defaultPrevented: boolean;
  preventDefault: () => void;
}

function recordedEvent(): RecordedEvent {
  const event = {
    defaultPrevented: false,
    preventDefault: () => {
      event.defaultPrevented = true;
    },
  };
  return event;
}

function windowOpen(url: string): HandlerDetails {
  return { url, frameName: '', features: '', disposition: 'foreground-tab', referrer: { url: '', policy: 'default' } };
}

/** WebContents is an EventEmitter; only the methods the guard uses are faked. */
function fakeGuardedContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  const contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'> = {
    on: ((event: string, listener: (...args: unknown[]) => void) => {
      emitter.on(event, listener);
      return contents;
    }) as WebContents['on'],
    setWindowOpenHandler: (handler: (details: HandlerDetails) => WindowOpenHandlerResponse) => {
      openHandler = handler;
    },
  };
  const open = (url: string): WindowOpenHandlerResponse => {
    if (!openHandler) throw new Error('no window open handler was set');
    return openHandler(windowOpen(url));
  };
  return { contents, emitter, open };
}

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (eventName) => {
    const { contents, emitter } = fakeGuardedContents();
    guardWebContents(contents, async () => {});
    const event = recordedEvent();
    emitter.emit(eventName, event, 'https://evil.example/');
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window and opens only http(s) links externally', () => {
    const { contents, open } = fakeGuardedContents();
    const openExternal = vi.fn(async (_url: string) => {});
    guardWebContents(contents, openExternal);

    expect(open('https://arxiv.org/abs/1')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('app://paperdrop/index.html')).toEqual({ action: 'deny' });
    expect(open('https://arxiv.org@example.com/abs/1')).toEqual({ action: 'deny' });

    expect(openExternal.mock.calls).toEqual([['https://arxiv.org/abs/1']]);
  });

  it('survives an external opener that fails', async () => {
    const { contents, open } = fakeGuardedContents();
    let reported: () => void = () => {};
    const failed = new Promise<void>((resolve) => (reported = resolve));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => reported());
    guardWebContents(contents, () => Promise.reject(new Error('no handler for this URL')));
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    await failed;
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });
});

describe('saveDownloadsThroughDialog', () => {
  it('names the save dialog and starts it in Downloads under the file’s name, and never sets a path itself, so Electron asks', () => {
    const session = new EventEmitter();
    saveDownloadsThroughDialog(session as unknown as Pick<Session, 'on'>, '/home/me/Downloads');
    const item = { getFilename: () => 'paperdrop-starred.bib', setSaveDialogOptions: vi.fn(), setSavePath: vi.fn() };
    session.emit('will-download', {}, item);
    expect(item.setSaveDialogOptions).toHaveBeenCalledWith({ title: 'Save from Paperdrop', defaultPath: '/home/me/Downloads/paperdrop-starred.bib' });
    expect(item.setSavePath).not.toHaveBeenCalled();
  });
});

describe('app protocol', () => {
  let rendererDir = '';

  beforeAll(() => {
    rendererDir = mkdtempSync(join(tmpdir(), 'paperdrop-renderer-'));
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    writeFileSync(join(rendererDir, 'assets', 'x.js'), '');
  });

  afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

  it('registers a standard, secure scheme that does not bypass CSP and keeps compiled code', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
    expect(APP_SCHEME_PRIVILEGES.bypassCSP).not.toBe(true);
  });

  it('serves index.html for the origin root and the entry URL', () => {
    const index = join(rendererDir, 'index.html');
    expect(resolveAppFile(rendererDir, 'app://paperdrop/')).toBe(index);
    expect(resolveAppFile(rendererDir, APP_ENTRY_URL)).toBe(index);
    expect(resolveAppFile(rendererDir, 'app://paperdrop/index.html?x=1#top')).toBe(index);
  });

  it('serves assets inside the renderer directory', () => {
    expect(resolveAppFile(rendererDir, 'app://paperdrop/assets/x.js')).toBe(join(rendererDir, 'assets', 'x.js'));
    expect(resolveAppFile(rendererDir, 'app://paperdrop/assets/a%20b.js')).toBe(join(rendererDir, 'assets', 'a b.js'));
  });

  it.each([
    'app://paperdrop/../x',
    'app://paperdrop/assets/../../x',
    'app://paperdrop/%2e%2e/x',
    'app://paperdrop/..%2fx',
    'app://paperdrop/assets/..%2f..%2fx',
    'app://paperdrop/..%5cx',
    'app://paperdrop/assets%5c..%5c..%5cx',
    'app://paperdrop/index.html%00.js',
    'app://paperdrop/...',
    'app://paperdrop/C:%5cWindows%5cwin.ini',
    'app://paperdrop/assets/',
    'app://paperdrop//etc/passwd',
    'app://paperdrop/%E0%A4%A',
    'app://evil/index.html',
    'app://paperdrop.evil/index.html',
    'app://user@paperdrop/index.html',
    'app://paperdrop:8080/index.html',
    'http://paperdrop/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(rendererDir, url)).toBeNull();
  });

  it('recognises only the app origin', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://paperdrop/index.html')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
  });
});

type InvokeListener = Parameters<IpcMain['handle']>[1];

function fakeIpcMain() {
  const handlers = new Map<string, InvokeListener>();
  const ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'> = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };
  return { ipcMain, handlers };
}

/** Only identity matters for a sender, and only url and parent for a frame. */
const windowContents = { id: 1 } as unknown as WebContents;
const otherContents = { id: 2 } as unknown as WebContents;

function frame(url: string, parent: WebFrameMain | null = null): WebFrameMain {
  return { url, parent } as unknown as WebFrameMain;
}

function invokeEvent(sender: WebContents, senderFrame: WebFrameMain | null): IpcMainInvokeEvent {
  return {
    sender,
    senderFrame,
    frameId: 1,
    processId: 1,
    type: 'frame',
    defaultPrevented: false,
    preventDefault: () => {},
  };
}

describe('registerIpc', () => {
  const folderInfo: FolderInfo = { folder: '/home/me/Paperdrop/Inbox', canChooseFolder: true };

  function setUp() {
    const { ipcMain, handlers: registered } = fakeIpcMain();
    const hello = vi.fn((_request: { knownHashes: string[] }) => folderInfo);
    const handlers: InvokeHandlers = {
      hello,
      stored: () => {},
      chooseFolder: () => null,
      addSamples: () => ({ copied: [] }),
      importBegin: () => ({ uploadId: 'u' }),
      importChunk: () => {},
      importEnd: () => ({ name: 'feed.xml', hash: 'h', alreadyStored: false }),
      importAbort: () => {},
    };
    const unregister = registerIpc(ipcMain, {
      handlersFor: (sender) => (sender === windowContents ? handlers : undefined),
      isTrustedFrame,
    });
    const call = (channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> => {
      const listener = registered.get(IPC_PREFIX + channel);
      if (!listener) throw new Error(`no handler for ${channel}`);
      return Promise.resolve().then(() => listener(event, ...args));
    };
    return { registered, hello, unregister, call };
  }

  const trusted = () => invokeEvent(windowContents, frame(APP_ENTRY_URL));

  it('registers exactly the contract channels, prefixed', () => {
    const { registered } = setUp();
    expect([...registered.keys()].sort()).toEqual(INVOKE_CHANNELS.map((channel) => IPC_PREFIX + channel).sort());
  });

  it('lets a trusted hello reach its handler and returns its value', async () => {
    const { call, hello } = setUp();
    await expect(call('hello', trusted(), { knownHashes: ['a'] })).resolves.toEqual(folderInfo);
    expect(hello).toHaveBeenCalledWith({ knownHashes: ['a'] });
  });

  it.each([
    ['a foreign page', frame('https://evil.example/')],
    ['a file page', frame('file:///tmp/index.html')],
    ['a subframe of our page', frame(APP_ENTRY_URL, frame(APP_ENTRY_URL))],
    ['a frame that is gone', null],
  ])('rejects calls from %s', async (_name, senderFrame) => {
    const { call, hello } = setUp();
    await expect(call('hello', invokeEvent(windowContents, senderFrame), { knownHashes: [] })).rejects.toThrow(
      /untrusted/i,
    );
    expect(hello).not.toHaveBeenCalled();
  });

  it('rejects calls from a web contents without a session', async () => {
    const { call, hello } = setUp();
    await expect(call('hello', invokeEvent(otherContents, frame(APP_ENTRY_URL)), { knownHashes: [] })).rejects.toThrow(
      /session/i,
    );
    expect(hello).not.toHaveBeenCalled();
  });

  it('rejects trusted calls with bad arguments', async () => {
    const { call, hello } = setUp();
    await expect(call('hello', trusted(), { knownHashes: [1] })).rejects.toThrow(/bad arguments/i);
    await expect(call('hello', trusted(), { knownHashes: [], stores: 'yes' })).rejects.toThrow(/bad arguments/i);
    await expect(call('hello', trusted())).rejects.toThrow(/bad arguments/i);
    await expect(call('addSamples', trusted(), 'extra')).rejects.toThrow(/bad arguments/i);
    expect(hello).not.toHaveBeenCalled();
    await expect(call('hello', trusted(), { knownHashes: ['a'], stores: false })).resolves.toEqual(folderInfo);
    expect(hello).toHaveBeenCalledWith({ knownHashes: ['a'], stores: false });
  });

  it('unregisters every channel', () => {
    const { registered, unregister } = setUp();
    unregister();
    expect(registered.size).toBe(0);
  });
});

describe('sendEvent', () => {
  function fakeContents(destroyed: boolean) {
    const sent: unknown[][] = [];
    const contents: Pick<WebContents, 'send' | 'isDestroyed'> = {
      send: (channel, ...args) => {
        sent.push([channel, ...args]);
      },
      isDestroyed: () => destroyed,
    };
    return { contents, sent };
  }

  it('sends on the prefixed channel', () => {
    const { contents, sent } = fakeContents(false);
    sendEvent(contents, 'status', { pending: 3 });
    expect(sent).toEqual([[`${IPC_PREFIX}status`, { pending: 3 }]]);
  });

  it('skips destroyed contents', () => {
    const { contents, sent } = fakeContents(true);
    sendEvent(contents, 'status', { pending: 3 });
    expect(sent).toEqual([]);
  });
});

type RendererListener = (event: IpcRendererEvent, ...args: unknown[]) => void;

function fakeIpcRenderer() {
  const listeners = new Map<string, Set<RendererListener>>();
  const invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => 'result');
  const ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'> = {
    invoke,
    on: ((channel: string, listener: RendererListener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
      return ipc;
    }) as IpcRenderer['on'],
    removeListener: ((channel: string, listener: RendererListener) => {
      listeners.get(channel)?.delete(listener);
      return ipc;
    }) as IpcRenderer['removeListener'],
  };
  const rendererEvent = { marker: 'ipc-renderer-event' } as unknown as IpcRendererEvent;
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(rendererEvent, payload);
  };
  return { ipc, invoke, listeners, emit };
}

describe('createPreloadBridge', () => {
  it('invokes contract channels under the prefix', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    await expect(bridge.invoke('stored', { hash: 'abc' })).resolves.toBe('result');
    expect(invoke).toHaveBeenCalledWith(`${IPC_PREFIX}stored`, { hash: 'abc' });
  });

  it('rejects channels outside the contract without calling main', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    await expect(bridge.invoke('nope' as 'chooseFolder')).rejects.toThrow(/unknown channel/i);
    await expect(bridge.invoke('toString' as 'chooseFolder')).rejects.toThrow(/unknown channel/i);
    expect(invoke).not.toHaveBeenCalled();
  });

  it('hands listeners the payload only, and unsubscribes the same wrapper', () => {
    const { ipc, listeners, emit } = fakeIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    const listener = vi.fn();
    const unsubscribe = bridge.on('status', listener);

    emit(`${IPC_PREFIX}status`, { pending: 2 });
    expect(listener.mock.calls).toEqual([[{ pending: 2 }]]);
    expect(listeners.get(`${IPC_PREFIX}status`)?.size).toBe(1);

    unsubscribe();
    expect(listeners.get(`${IPC_PREFIX}status`)?.size).toBe(0);
    emit(`${IPC_PREFIX}status`, { pending: 1 });
    expect(listener).toHaveBeenCalledOnce();
  });

  it('refuses to subscribe to unknown events', () => {
    const { ipc, listeners } = fakeIpcRenderer();
    const bridge = createPreloadBridge(ipc);
    expect(() => bridge.on('nope' as 'status', () => {})).toThrow(/unknown event/i);
    expect(listeners.size).toBe(0);
  });

  it('never reports a connection change, and is frozen', () => {
    const bridge = createPreloadBridge(fakeIpcRenderer().ipc);
    const listener = vi.fn();
    const unsubscribe = bridge.onConnectionChange(listener);
    expect(unsubscribe).toBeTypeOf('function');
    unsubscribe();
    expect(listener).not.toHaveBeenCalled();
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});

const ELECTRON_VALUE_IMPORT = /^import\s+(?!type\b)[^;]*from\s+['"]electron['"]/m;
const ELECTRON_SIDE_EFFECT_IMPORT = /^import\s+['"]electron['"]|\b(?:require|import)\s*\(\s*['"]electron['"]\s*\)/m;
const MODULE_SPECIFIER = /(?:\bfrom\s+|^import\s+|\b(?:require|import)\s*\(\s*)['"]([^'"]+)['"]/gm;

function importsElectronValue(source: string): boolean {
  return ELECTRON_VALUE_IMPORT.test(source) || ELECTRON_SIDE_EFFECT_IMPORT.test(source);
}

function importedModules(source: string): string[] {
  return [...source.matchAll(MODULE_SPECIFIER)].map((match) => match[1] ?? '');
}

/** Source files under a repository folder, as repository-relative paths; none if the folder does not exist yet. */
function sourceFiles(folder: string, extensions: readonly string[]): string[] {
  const dir = join(repoRoot, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => !path.split(/[\\/]/).includes('node_modules'))
    .filter((path) => extensions.some((extension) => path.endsWith(extension)))
    .map((path) => relative(repoRoot, join(dir, path)).split('\\').join('/'));
}

describe('architecture', () => {
  it('tells value imports of electron from type imports', () => {
    expect(importsElectronValue("import { app } from 'electron';")).toBe(true);
    expect(importsElectronValue("import {\n  app,\n  type WebContents,\n} from 'electron';")).toBe(true);
    expect(importsElectronValue("import { type WebContents } from 'electron';")).toBe(true);
    expect(importsElectronValue("import * as electron from \"electron\";")).toBe(true);
    expect(importsElectronValue("import 'electron';")).toBe(true);
    expect(importsElectronValue("const { app } = require('electron');")).toBe(true);
    expect(importsElectronValue("import type { WebContents } from 'electron';")).toBe(false);
    expect(importsElectronValue("import { app } from './electron';")).toBe(false);
  });

  it('lets only main.ts, preload.ts and ipc.ts import electron as a value', () => {
    const allowed = ['electron/ipc.ts', 'electron/main.ts', 'electron/preload.ts'];
    const files = sourceFiles('electron', ['.ts']);
    expect(files).toContain('electron/main.ts');
    const importers = files.filter((file) => importsElectronValue(readFileSync(join(repoRoot, file), 'utf8')));
    expect(importers).toContain('electron/main.ts');
    expect(importers.filter((file) => !allowed.includes(file))).toEqual([]);
  });

  it('keeps Node and Electron out of renderer/ and shared/', () => {
    // Vite reads its config in Node; it is build tooling, not renderer code.
    const tooling = ['renderer/vite.config.ts'];
    const files = [...sourceFiles('renderer', ['.ts', '.tsx']), ...sourceFiles('shared', ['.ts'])].filter(
      (file) => !tooling.includes(file),
    );
    expect(files).toContain('shared/ipc.ts');
    const offending = files.flatMap((file) =>
      importedModules(readFileSync(join(repoRoot, file), 'utf8'))
        .filter((module) => isBuiltin(module) || module === 'electron' || module.startsWith('electron/'))
        .map((module) => `${file}: ${module}`),
    );
    expect(offending).toEqual([]);
  });
});
