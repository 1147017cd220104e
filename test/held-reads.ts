import type Dexie from 'dexie';

/** Whether to hold a read of `table`, by the keys it asks for (null for a query). */
export type HeldRead = (table: string, keys: readonly unknown[] | null) => boolean;

/**
 * Holds the reads `held` picks, once answered, until the returned release is called: as IndexedDB
 * takes a while over a large record. A Dexie middleware, in effect from the database's next opening.
 */
export function holdReads(db: Dexie, held: HeldRead): () => void {
  let release = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  db.use({
    stack: 'dbcore',
    name: 'hold-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const answered = async <T>(answer: Promise<T>, keys: readonly unknown[] | null): Promise<T> => {
          const value = await answer;
          if (held(name, keys)) await gate;
          return value;
        };
        return {
          ...table,
          get: (request) => answered(table.get(request), [request.key]),
          getMany: (request) => answered(table.getMany(request), request.keys),
          query: (request) => answered(table.query(request), null),
        };
      },
    }),
  });
  return release;
}
