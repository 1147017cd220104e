/** A value kept in this profile's localStorage, read through `read` so that a damaged or older entry still gives a valid one; for useSyncExternalStore. */
export class LocalStore<T extends object> {
  private value: T;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly key: string,
    private readonly read: (stored: unknown) => T,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> = localStorage,
  ) {
    let stored: unknown = null;
    try {
      stored = JSON.parse(storage.getItem(key) ?? 'null');
    } catch {
      // A damaged entry reads as the defaults.
    }
    this.value = read(stored);
  }

  get = (): T => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(change: Partial<T>): void {
    this.value = this.read({ ...this.value, ...change });
    this.storage.setItem(this.key, JSON.stringify(this.value));
    for (const listener of this.listeners) listener();
  }
}
