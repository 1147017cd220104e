import { useFileErrors } from './use-file-errors';

/** Files that could not be read, each with its reason: a bad file never fails silently, and each error can be dismissed. */
export function FileErrors() {
  const { failed, dismiss } = useFileErrors();
  if (!failed || failed.length === 0) return null;
  return (
    <details className="file-errors">
      <summary>
        {failed.length} file{failed.length === 1 ? '' : 's'} could not be read in full
      </summary>
      <ul>
        {failed.flatMap((source) =>
          source.errors.map((error, index) => (
            <li key={`${source.hash}/${index}`}>
              <code>{error.file}</code>: {error.message}{' '}
              <button type="button" className="dismiss" aria-label={`Dismiss the error for ${error.file}`} onClick={() => dismiss(source.hash, error)}>
                Dismiss
              </button>
            </li>
          )),
        )}
      </ul>
    </details>
  );
}
