import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSavedWindow, restoredBounds, type Rect, type SavedWindow } from '../electron/core/window-bounds';
import { WindowStore } from '../electron/core/window-store';
import { rememberWindow, SAVE_DELAY_MS, type PlacedWindow } from '../electron/remember-window';
import { createWindowOptions, DEFAULT_WINDOW_SIZE } from '../electron/window-options';
import { makeTempDir } from './temp-dir';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor: Rect = { x: 1440, y: -200, width: 2560, height: 1400 };
const defaults = { width: 1200, height: 800 };
const saved = (rect: Rect, maximized = false): SavedWindow => ({ ...rect, maximized });

describe('restoredBounds', () => {
  it('opens at the default size, placed by the platform, when nothing was saved', () => {
    expect(restoredBounds(undefined, [laptop], defaults)).toEqual({ width: 1200, height: 800, maximized: false });
  });

  it('keeps a window that fits on its display, and whether it was maximized', () => {
    expect(restoredBounds(saved({ x: 100, y: 50, width: 1000, height: 700 }, true), [laptop], defaults)).toEqual({
      x: 100,
      y: 50,
      width: 1000,
      height: 700,
      maximized: true,
    });
    expect(restoredBounds(saved({ x: 2000, y: -100, width: 1600, height: 1000 }), [laptop, rightMonitor], defaults)).toMatchObject({
      x: 2000,
      y: -100,
    });
  });

  it.each([
    ['right of every display', { x: 5000, y: 100, width: 1000, height: 700 }],
    ['above every display', { x: 100, y: -2000, width: 1000, height: 700 }],
    ['on a display that was unplugged', { x: 1600, y: 0, width: 1000, height: 700 }],
    ['with only a sliver showing', { x: 1400, y: 100, width: 1000, height: 700 }],
  ])('falls back to the defaults for a window %s', (_name, rect) => {
    expect(restoredBounds(saved(rect, true), [laptop], defaults)).toEqual({ width: 1200, height: 800, maximized: false });
  });

  it('shrinks a window larger than its display and moves it fully onto it', () => {
    expect(restoredBounds(saved({ x: -50, y: 20, width: 3000, height: 2000 }), [laptop], defaults)).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 875,
      maximized: false,
    });
  });

  it('moves a window half off the edge back onto the display it mostly lies on', () => {
    expect(restoredBounds(saved({ x: 900, y: 600, width: 1000, height: 700 }), [laptop], defaults)).toEqual({
      x: 440,
      y: 175,
      width: 1000,
      height: 700,
      maximized: false,
    });
    // Across two displays, it goes to the one holding more of it.
    expect(restoredBounds(saved({ x: 1000, y: 0, width: 1000, height: 700 }), [laptop, rightMonitor], defaults)).toMatchObject({
      x: 1440,
      y: 0,
    });
  });
});

describe('parseSavedWindow', () => {
  it('reads back what was saved', () => {
    const window = saved({ x: -10, y: 20, width: 800, height: 600 }, true);
    expect(parseSavedWindow({ ...window })).toEqual(window);
  });

  it.each([
    null,
    {},
    { x: 0, y: 0, width: 800, height: 600 },
    { x: 0, y: 0, width: 0, height: 600, maximized: false },
    { x: '0', y: 0, width: 800, height: 600, maximized: false },
    { x: 0.5, y: 0, width: 800, height: 600, maximized: false },
    { x: 0, y: 0, width: 800, height: Infinity, maximized: false },
  ])('refuses %j', (raw) => {
    expect(parseSavedWindow(raw)).toBeUndefined();
  });
});

describe('WindowStore', () => {
  it('has nothing before the first save, and keeps the last place saved', async () => {
    const dir = await makeTempDir();
    const onError = vi.fn();
    const store = new WindowStore(dir, onError);
    await expect(store.load()).resolves.toBeUndefined();
    store.save(saved({ x: 1, y: 2, width: 800, height: 600 }));
    store.save(saved({ x: 3, y: 4, width: 900, height: 700 }, true));
    await store.idle();
    await expect(new WindowStore(dir, onError).load()).resolves.toEqual(saved({ x: 3, y: 4, width: 900, height: 700 }, true));
    expect(JSON.parse(await readFile(join(dir, 'window.json'), 'utf8'))).toMatchObject({ x: 3, maximized: true });
    expect(onError).not.toHaveBeenCalled();
  });

  it('ignores a damaged file', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'window.json'), '{"x": 1,');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(new WindowStore(dir, () => {}).load()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('reports a failed write and goes on writing', async () => {
    const dir = await makeTempDir();
    const onError = vi.fn();
    const store = new WindowStore(join(dir, 'a-file', 'sub'), onError);
    await writeFile(join(dir, 'a-file'), '');
    store.save(saved({ x: 1, y: 2, width: 800, height: 600 }));
    await store.idle();
    expect(onError).toHaveBeenCalledOnce();
  });
});

function fakeWindow(bounds: Rect, maximized = false) {
  const listeners = new Map<string, (() => void)[]>();
  const state = { bounds, maximized };
  const window: PlacedWindow = {
    getNormalBounds: () => state.bounds,
    isMaximized: () => state.maximized,
    on: (event, listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
  };
  const emit = (event: string) => {
    for (const listener of listeners.get(event) ?? []) listener();
  };
  return { window, state, emit };
}

describe('rememberWindow', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once the window has stopped moving or resizing', () => {
    vi.useFakeTimers();
    const { window, state, emit } = fakeWindow({ x: 0, y: 0, width: 800, height: 600 });
    const save = vi.fn();
    rememberWindow(window, save);
    emit('move');
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    state.bounds = { x: 10, y: 10, width: 900, height: 600 };
    emit('resize');
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save.mock.calls).toEqual([[saved({ x: 10, y: 10, width: 900, height: 600 })]]);
  });

  it('saves the normal bounds and the maximized state when maximized', () => {
    vi.useFakeTimers();
    const { window, state, emit } = fakeWindow({ x: 5, y: 6, width: 800, height: 600 });
    const save = vi.fn();
    rememberWindow(window, save);
    state.maximized = true;
    emit('maximize');
    vi.advanceTimersByTime(SAVE_DELAY_MS);
    expect(save.mock.calls).toEqual([[saved({ x: 5, y: 6, width: 800, height: 600 }, true)]]);
  });

  it('saves at once on close, and not again after', () => {
    vi.useFakeTimers();
    const { window, emit } = fakeWindow({ x: 5, y: 6, width: 800, height: 600 });
    const save = vi.fn();
    rememberWindow(window, save);
    emit('resize');
    emit('close');
    expect(save).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(SAVE_DELAY_MS * 2);
    expect(save).toHaveBeenCalledOnce();
  });
});

describe('createWindowOptions', () => {
  it('opens at the default size, or at the place given', () => {
    expect(createWindowOptions('/preload.cjs')).toMatchObject(DEFAULT_WINDOW_SIZE);
    expect(createWindowOptions('/preload.cjs')).not.toHaveProperty('x');
    expect(createWindowOptions('/preload.cjs', { x: 10, y: 20, width: 900, height: 700 })).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
  });
});
