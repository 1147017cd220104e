import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from './app-context';

/** Files that could not be read, each with its reason: a bad file never fails silently. */
export function FileErrors() {
  const { db } = useServices();
  const failed = useLiveQuery(() => db.sources.filter((source) => source.errors.length > 0).toArray(), [db]);
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
              <code>{error.file}</code>: {error.message}
            </li>
          )),
        )}
      </ul>
    </details>
  );
}
