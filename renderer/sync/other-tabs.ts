import type { PaperdropDatabase } from '../db/database';
import { pageKeysAfter, readPages } from '../db/paper-pages';
import type { StoredChange } from '../db/records';

const CHANNEL = 'paperdrop-stored-changes';

/** What the writing tab tells the others of a stored batch: the papers themselves they read from the pages of its generation. */
interface ChangeNotice {
  generation: number | null;
  removed: string[];
  remarked: string[];
}

/**
 * The tabs of one library, which share its IndexedDB: the tab that stores batches
 * (writer-election.ts) tells the others of each change, and they follow it as if they had stored
 * it. The notice is small, so a tab alone pays almost nothing for it; the followers read the
 * written papers back.
 */
export class OtherTabs {
  private readonly channel = new BroadcastChannel(CHANNEL);

  tell(change: StoredChange): void {
    this.channel.postMessage({ generation: change.written[0]?.generation ?? null, removed: change.removed, remarked: change.remarked } satisfies ChangeNotice);
  }

  /** Each change another tab stored, with its papers as written, one at a time in the order told. */
  follow(db: PaperdropDatabase, listener: (change: StoredChange) => void): () => void {
    let turn = Promise.resolve();
    const onNotice = ({ data }: MessageEvent<ChangeNotice>) => {
      turn = turn
        .then(async () => listener({ written: data.generation === null ? [] : await papersOf(db, data.generation), removed: data.removed, remarked: data.remarked }))
        .catch((error: unknown) => console.error('Paperdrop: following another tab’s change failed', error));
    };
    this.channel.addEventListener('message', onNotice);
    return () => this.channel.removeEventListener('message', onNotice);
  }
}

/** The papers a batch wrote: every page of its generation holds them, and only them. */
async function papersOf(db: PaperdropDatabase, generation: number) {
  const keys = (await pageKeysAfter(db, generation - 1)).filter(([pageGeneration]) => pageGeneration === generation);
  return (await readPages(db, keys)).flatMap((page) => page.papers);
}
