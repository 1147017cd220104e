import { useCallback } from 'react';
import type { FileError } from '../../shared/paper';
import { readFailedSources } from '../db/file-errors';
import { dismissFileError } from '../db/library-writer';
import type { SourceRecord } from '../db/records';
import { useServices } from './app-context';
import { useThrottledTableQuery } from './use-throttled-table-query';

/** While batches stream in, the errors are read again at most this often: soon enough to see a bad file or a dismissal at once. */
const FILE_ERRORS_INTERVAL_MS = 250;

/** The files that could not be read in full, live, and a way to dismiss one error; a failed write reaches the status line. */
export function useFileErrors(): { failed: SourceRecord[] | undefined; dismiss: (hash: string, error: FileError) => void } {
  const { db, status } = useServices();
  const failed = useThrottledTableQuery(db, 'sources', useCallback(() => readFailedSources(db), [db]), FILE_ERRORS_INTERVAL_MS);
  const dismiss = useCallback(
    (hash: string, error: FileError) => {
      dismissFileError(db, hash, error).catch((error: unknown) =>
        status.update({ notice: `Dismissing the error failed: ${error instanceof Error ? error.message : String(error)}` }),
      );
    },
    [db, status],
  );
  return { failed, dismiss };
}
