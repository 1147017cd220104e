import { useMemo } from 'react';
import type { MarkChange } from '../db/mark-writer';
import type { Mark } from '../db/records';
import { useServices } from './app-context';

export interface MarkActions {
  set: (ids: readonly string[], mark: Mark, change: MarkChange) => Promise<void>;
  undo: () => Promise<void>;
  canUndo: () => boolean;
}

/** Read and star changes for components: a write that fails says so on the status line, never silently. */
export function useMarkActions(): MarkActions {
  const { marks, status } = useServices();
  return useMemo(() => {
    const report = (what: string) => (error: unknown) => {
      status.update({ notice: `${what} failed: ${error instanceof Error ? error.message : String(error)}` });
    };
    const clearNotice = () => {
      if (status.get().notice !== null) status.update({ notice: null });
    };
    return {
      set: (ids, mark, change) => marks.set(ids, mark, change).then(clearNotice, report('Saving read and star marks')),
      undo: () => marks.undo().then(clearNotice, report('Undo')),
      canUndo: () => marks.canUndo,
    };
  }, [marks, status]);
}
