import { LocalStore } from './local-store';

/** The window's layout on this device: pane widths in CSS pixels, and which sidebar sections are open. */
export interface Layout {
  sidebarWidth: number;
  listWidth: number;
  sourcesOpen: boolean;
  categoriesOpen: boolean;
}

export const PANE_WIDTHS = {
  sidebarWidth: { min: 160, max: 480, initial: 250 },
  listWidth: { min: 260, max: 960, initial: 440 },
} as const;

const DEFAULT_LAYOUT: Layout = {
  sidebarWidth: PANE_WIDTHS.sidebarWidth.initial,
  listWidth: PANE_WIDTHS.listWidth.initial,
  sourcesOpen: true,
  categoriesOpen: true,
};

const clampWidth = (pane: keyof typeof PANE_WIDTHS, value: unknown): number => {
  const { min, max, initial } = PANE_WIDTHS[pane];
  return typeof value === 'number' && Number.isFinite(value) ? Math.round(Math.min(max, Math.max(min, value))) : initial;
};

/** A stored layout, each field checked: widths within their bounds, else the defaults. */
export function readLayout(value: unknown): Layout {
  const given = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const flag = (key: 'sourcesOpen' | 'categoriesOpen') => (typeof given[key] === 'boolean' ? given[key] : DEFAULT_LAYOUT[key]);
  return {
    sidebarWidth: clampWidth('sidebarWidth', given.sidebarWidth),
    listWidth: clampWidth('listWidth', given.listWidth),
    sourcesOpen: flag('sourcesOpen'),
    categoriesOpen: flag('categoriesOpen'),
  };
}

export class LayoutStore extends LocalStore<Layout> {
  constructor(storage?: Pick<Storage, 'getItem' | 'setItem'>) {
    super('paperdrop.layout', readLayout, storage);
  }
}
