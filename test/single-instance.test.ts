import { describe, expect, it, vi } from 'vitest';
import { bringToFront, claimSingleInstance, type FocusableWindow, type SingleInstanceApp } from '../electron/single-instance';

function fakeApp(gotLock: boolean) {
  const listeners: (() => void)[] = [];
  const quit = vi.fn();
  const app: SingleInstanceApp = {
    requestSingleInstanceLock: () => gotLock,
    on: (_event, listener) => listeners.push(listener),
    quit,
  };
  const startSecond = () => {
    for (const listener of listeners) listener();
  };
  return { app, quit, listeners, startSecond };
}

describe('claimSingleInstance', () => {
  it('makes a second instance quit without starting anything', () => {
    const { app, quit, listeners } = fakeApp(false);
    const focus = vi.fn();
    expect(claimSingleInstance(app, focus)).toBe(false);
    expect(quit).toHaveBeenCalledOnce();
    expect(listeners).toEqual([]);
    expect(focus).not.toHaveBeenCalled();
  });

  it('lets the first instance start, and focuses it each time another is started', () => {
    const { app, quit, startSecond } = fakeApp(true);
    const focus = vi.fn();
    expect(claimSingleInstance(app, focus)).toBe(true);
    expect(quit).not.toHaveBeenCalled();
    expect(focus).not.toHaveBeenCalled();
    startSecond();
    startSecond();
    expect(focus).toHaveBeenCalledTimes(2);
  });
});

describe('bringToFront', () => {
  function fakeWindow(minimized: boolean) {
    const calls: string[] = [];
    const window: FocusableWindow = {
      isMinimized: () => minimized,
      restore: () => calls.push('restore'),
      focus: () => calls.push('focus'),
    };
    return { window, calls };
  }

  it('restores a minimized window before focusing it', () => {
    const { window, calls } = fakeWindow(true);
    bringToFront(window);
    expect(calls).toEqual(['restore', 'focus']);
  });

  it('only focuses a window that is not minimized', () => {
    const { window, calls } = fakeWindow(false);
    bringToFront(window);
    expect(calls).toEqual(['focus']);
  });

  it('does nothing while there is no window', () => {
    expect(() => bringToFront(null)).not.toThrow();
  });
});
