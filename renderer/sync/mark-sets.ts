import type { PaperdropDatabase } from '../db/database';
import type { MarkListener } from '../db/mark-history';
import type { MarkChange } from '../db/mark-writer';
import type { Mark } from '../db/records';
import type { StoredChanges } from './stored-changes';

/** The papers marked read and starred, by id: one snapshot per change, for useSyncExternalStore. */
export interface MarkSnapshot {
  /** Updated in place, and handed on in a new snapshot: copying 100,000 ids on every key press costs more than the key press may. */
  read: ReadonlySet<string>;
  starred: ReadonlySet<string>;
}

type Message = { ids: string[] } | { all: true };

const READ_ALL_PAST = 5000;

/**
 * The read and starred marks held in memory, and kept current by being told which papers' marks
 * changed. Reading every mark again after each change, as a live query does, took two seconds a
 * key press with 100,000 papers read. Told by: this window's mark writes (MarkHistory), each
 * stored batch (the papers whose marks it moved or landed), a restore (everything), and
 * other windows of the same library, over a BroadcastChannel.
 */
export class MarkSets implements MarkListener {
  private snapshot: MarkSnapshot | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly read = new Set<string>();
  private readonly starred = new Set<string>();
  private readonly channel: BroadcastChannel | null;
  /**
   * Expected changes not yet stored, by paper. A read from the database leaves these papers as
   * expected: it may have been made before their write, and would undo what the window shows.
   */
  private readonly expecting = new Map<string, number>();
  /** Refreshes in the order they were asked for, so a later answer never loses to an earlier one. */
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: PaperdropDatabase,
    changes: StoredChanges,
  ) {
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`paperdrop:marks:${db.name}`);
    this.channel?.addEventListener('message', (event: MessageEvent<Message>) => this.apply(event.data, false));
    // A stored batch changes marks only where it merged papers or landed waiting marks: new papers have
    // none to read. A batch that changes none publishes nothing, or every view counting marks would
    // count them again after every file.
    changes.subscribe((change) => {
      const ids = [...change.remarked, ...change.removed];
      if (ids.length > 0) void this.changed(ids);
    });
    this.apply({ all: true }, false);
  }

  get = (): MarkSnapshot | undefined => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Shows a change of marks at once, as asked, before it is written: a key press shows in the same
   * frame. `changed` then reads what was stored, which settles any difference (another window's
   * change in between, an id that is no paper).
   */
  expect(ids: readonly string[], mark: Mark, change: MarkChange): void {
    const marked = mark === 'read' ? this.read : this.starred;
    for (const id of ids) {
      if (change === 'toggle' ? !marked.has(id) : change) marked.add(id);
      else marked.delete(id);
      this.expecting.set(id, (this.expecting.get(id) ?? 0) + 1);
    }
    if (this.snapshot) this.publish();
  }

  /**
   * These papers' marks were written here (`settled`: the ids an expected change named, now
   * stored); other windows are told as well. Resolves once they show.
   */
  changed(ids: readonly string[], settled: readonly string[] = []): Promise<void> {
    for (const id of settled) {
      const left = (this.expecting.get(id) ?? 0) - 1;
      if (left > 0) this.expecting.set(id, left);
      else this.expecting.delete(id);
    }
    // Past a few thousand papers, two reads of every key beat a read per paper by far.
    return this.apply(ids.length > READ_ALL_PAST ? { all: true } : { ids: [...ids] }, true);
  }

  /** Every mark may have changed (a restore): read them all again, here and in other windows. */
  reload(): Promise<void> {
    return this.apply({ all: true }, true);
  }

  close(): void {
    this.channel?.close();
    this.listeners.clear();
  }

  private apply(message: Message, tellOthers: boolean): Promise<void> {
    if (tellOthers) this.channel?.postMessage(message);
    this.turn = this.turn.then(() => ('all' in message ? this.readAll() : this.readSome(message.ids))).then(
      () => this.publish(),
      (error: unknown) => console.error('Paperdrop: the read and star marks could not be read', error),
    );
    return this.turn;
  }

  private async readAll(): Promise<void> {
    const [read, starred] = await Promise.all([this.db.states.where('read').equals(1).primaryKeys(), this.db.states.where('starred').equals(1).primaryKeys()]);
    const keep = (marked: Set<string>) => [...this.expecting.keys()].filter((id) => marked.has(id));
    const [keptRead, keptStarred] = [keep(this.read), keep(this.starred)];
    this.read.clear();
    this.starred.clear();
    for (const id of read as string[]) if (!this.expecting.has(id)) this.read.add(id);
    for (const id of starred as string[]) if (!this.expecting.has(id)) this.starred.add(id);
    for (const id of keptRead) this.read.add(id);
    for (const id of keptStarred) this.starred.add(id);
  }

  private async readSome(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.db.states.bulkGet([...ids]);
    ids.forEach((id, index) => {
      if (this.expecting.has(id)) return;
      const row = rows[index];
      if (row?.read) this.read.add(id);
      else this.read.delete(id);
      if (row?.starred) this.starred.add(id);
      else this.starred.delete(id);
    });
  }

  private publish(): void {
    this.snapshot = { read: this.read, starred: this.starred };
    for (const listener of this.listeners) listener();
  }
}
