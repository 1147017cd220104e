export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The window as it was left: its normal (unmaximized) rectangle, and whether it was maximized. */
export interface SavedWindow extends Rect {
  maximized: boolean;
}

/** Where the window opens: without x and y the platform places it. */
export interface OpeningBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** How much of the saved window must lie on one display, each way, for it to open there again. */
const MIN_VISIBLE = 100;

/**
 * The saved window if enough of it is on a display that is still there, moved and shrunk to fit
 * that display's work area; otherwise the default size, placed by the platform.
 */
export function restoredBounds(
  saved: SavedWindow | undefined,
  workAreas: readonly Rect[],
  defaults: { width: number; height: number },
): OpeningBounds {
  const fallback = { width: defaults.width, height: defaults.height, maximized: false };
  if (!saved) return fallback;
  const area = mostOverlapped(saved, workAreas);
  if (!area) return fallback;
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  return {
    x: clamp(saved.x, area.x, area.x + area.width - width),
    y: clamp(saved.y, area.y, area.y + area.height - height),
    width,
    height,
    maximized: saved.maximized,
  };
}

/** A saved window read back from disk, or undefined when it is not one. */
export function parseSavedWindow(raw: Record<string, unknown> | null): SavedWindow | undefined {
  if (!raw) return undefined;
  const { x, y, width, height, maximized } = raw;
  const integers = [x, y, width, height].every(Number.isSafeInteger);
  if (!integers || (width as number) <= 0 || (height as number) <= 0 || typeof maximized !== 'boolean') return undefined;
  return { x: x as number, y: y as number, width: width as number, height: height as number, maximized };
}

function mostOverlapped(window: Rect, areas: readonly Rect[]): Rect | undefined {
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of areas) {
    const across = overlap(window.x, window.width, area.x, area.width);
    const down = overlap(window.y, window.height, area.y, area.height);
    if (across < Math.min(MIN_VISIBLE, window.width) || down < Math.min(MIN_VISIBLE, window.height)) continue;
    if (across * down > bestOverlap) {
      best = area;
      bestOverlap = across * down;
    }
  }
  return best;
}

function overlap(start: number, length: number, otherStart: number, otherLength: number): number {
  return Math.max(0, Math.min(start + length, otherStart + otherLength) - Math.max(start, otherStart));
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}
