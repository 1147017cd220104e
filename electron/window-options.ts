import type { BrowserWindowConstructorOptions } from 'electron';

/** The window's size the first time, or when its saved place is on no display. */
export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 };

/**
 * The main window, at the given place (the platform places it when x and y are absent): the renderer
 * gets no Node, no webviews, and only what the preload bridge exposes.
 */
export function createWindowOptions(
  preloadPath: string,
  bounds: { x?: number; y?: number; width: number; height: number } = DEFAULT_WINDOW_SIZE,
): BrowserWindowConstructorOptions {
  return {
    title: 'Paperdrop',
    ...bounds,
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
