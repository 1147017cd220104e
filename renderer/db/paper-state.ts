import type { PaperdropDatabase, PaperState } from './database';

type Mark = 'read' | 'starred';

/** Sets one mark on a paper, creating its state row on first use. */
export async function setMark(db: PaperdropDatabase, paperId: string, mark: Mark, on: boolean): Promise<void> {
  await db.transaction('rw', db.states, async () => {
    const current = await db.states.get(paperId);
    const next: PaperState = {
      paperId,
      read: current?.read ?? 0,
      starred: current?.starred ?? 0,
      updatedAt: new Date().toISOString(),
    };
    next[mark] = on ? 1 : 0;
    await db.states.put(next);
  });
}
