import type { Rect, SavedWindow } from './core/window-bounds';

/** The part of a BrowserWindow that is watched for its place. */
export interface PlacedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
}

/** How long the window must stay still before its place is written. */
export const SAVE_DELAY_MS = 500;

/** Saves the window's place a moment after it is moved, resized, maximized or restored, and when it closes. */
export function rememberWindow(window: PlacedWindow, save: (saved: SavedWindow) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveNow = () => {
    clearTimeout(timer);
    timer = undefined;
    save({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(saveNow, SAVE_DELAY_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, saveSoon);
  window.on('close', saveNow);
}
