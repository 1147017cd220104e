/** Runs async tasks one at a time, in order; a failing task does not stop the ones after it. */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly onError: (error: unknown) => void) {}

  push(task: () => Promise<void>): void {
    this.tail = this.tail.then(task).catch(this.onError);
  }

  /** Resolves once every task pushed so far has run. */
  idle(): Promise<void> {
    return this.tail;
  }
}
