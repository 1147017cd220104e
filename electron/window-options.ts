import type { BrowserWindowConstructorOptions } from 'electron';

/** The main window: the renderer gets no Node, no webviews, and only what the preload bridge exposes. */
export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Paperdrop',
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    // Shown on 'ready-to-show' so the user never sees an empty frame.
    show: false,
    backgroundColor: '#f6f5f1',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's spellchecker fetches dictionaries from the network; a reader has little to spellcheck.
      spellcheck: false,
    },
  };
}
