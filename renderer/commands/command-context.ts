import type { Dispatch } from 'react';
import type { MarkChange } from '../db/mark-writer';
import type { Mark } from '../db/records';
import type { ListedPaper } from '../ui/use-library';
import type { ViewAction, ViewState } from '../ui/view-state';

/** What a command can see and do: the view, the papers in it, and the app's actions. */
export interface CommandContext {
  state: ViewState;
  dispatch: Dispatch<ViewAction>;
  /** The ids in view, in display order. */
  ids: readonly string[];
  isRead: (id: string) => boolean;
  isStarred: (id: string) => boolean;
  /** The open paper, once read from the database: for a moment after a move, still the one before. */
  selected: ListedPaper | undefined;
  setMarks: (ids: readonly string[], mark: Mark, change: MarkChange) => Promise<void>;
  canUndo: () => boolean;
  undo: () => Promise<void>;
  focusSearch: () => void;
  /** Scrolls the reader a page; false when it was already at its end. */
  pageReader: () => boolean;
  openExternal: (url: string) => void;
  showShortcuts: () => void;
  showSettings: () => void;
  /** Opens a file picker; the files chosen are copied into the watched folder (see renderer/ui/use-import.ts). */
  importFiles: () => void;
  /** Opens the Export menu of the papers in view. */
  openExport: () => void;
  /** The setting "mark a paper read when it is opened". */
  markReadOnOpen: boolean;
}
