import { useEffect, useState, useSyncExternalStore } from 'react';
import { useServices } from './app-context';

/** Past this, the library is taking longer to open than a start does: most likely a schema upgrade. */
export const SLOW_OPEN_MS = 2000;

/**
 * Says the library is opening, once opening has taken a while, so that a long schema upgrade
 * (a minute at 100,000 papers) does not look like an empty library. A normal start ends before it
 * shows. When the library could not be opened, says so at once, and why (library-open.ts).
 */
export function LibraryOpening() {
  const { status } = useServices();
  const failure = useSyncExternalStore(status.subscribe, () => status.get().libraryFailure);
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_OPEN_MS);
    return () => clearTimeout(timer);
  }, []);
  if (failure !== null) {
    return (
      <p className="library-opening" role="alert">
        Paperdrop could not open its library. {failure}
      </p>
    );
  }
  if (!slow) return null;
  return (
    <p className="library-opening" role="status">
      Opening the library… The first start after an update can take a minute while the library is rewritten for the new version.
    </p>
  );
}
