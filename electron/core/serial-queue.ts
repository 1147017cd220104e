/** Runs async tasks one at a time, in order; a failing task does not stop the ones after it. */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly onError: (error: unknown) => void) {}

  get size(): number {
    return this.waiting;
  }

  push(task: () => Promise<void>): Promise<void> {
    this.waiting += 1;
    this.tail = this.tail.then(task).catch(this.onError).finally(() => {
      this.waiting -= 1;
    });
    return this.tail;
  }

  /** Resolves once every task pushed so far has run. */
  idle(): Promise<void> {
    return this.tail;
  }
}
