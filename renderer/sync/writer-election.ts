/** The Web Lock the tab that stores a library's batches holds, for as long as it is open. */
export const WRITER_LOCK = 'paperdrop-library-writer';

/**
 * One tab of a library at a time stores the batches main sends and saves the search index; the
 * others follow its changes (other-tabs.ts). Storing every batch in every tab doubled the
 * IndexedDB work, and two search workers saving one index in turn rewrote it whole each time.
 *
 * The tab that holds WRITER_LOCK is the writer; the lock passes to a waiting tab when it closes.
 * `onRole(false)` comes at once in a tab that finds the lock held, `onRole(true)` once this tab
 * holds it. Without Web Locks (none of Paperdrop's browsers) every tab writes: safe, as before,
 * since storing a batch is idempotent and a saved index written by another tab is saved again whole.
 */
export function electWriter(onRole: (writes: boolean) => void, locks: LockManager | undefined = navigator.locks): void {
  if (!locks) return onRole(true);
  const holdForever = () => {
    onRole(true);
    return new Promise<never>(() => {});
  };
  void locks.request(WRITER_LOCK, { ifAvailable: true }, (lock) => {
    if (lock) return holdForever();
    onRole(false);
    void locks.request(WRITER_LOCK, holdForever);
    return undefined;
  });
}
