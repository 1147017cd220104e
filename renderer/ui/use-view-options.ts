import { useLiveQuery } from 'dexie-react-hooks';
import { readCategoryNames } from '../db/paper-lists';
import { useServices } from './app-context';

/** The source files and categories the library holds, live, for the view's filters. */
export function useViewOptions(): { files: string[] | undefined; categories: string[] | undefined } {
  const { db } = useServices();
  const files = useLiveQuery(async () => [...new Set((await db.sources.orderBy('file').keys()) as string[])], [db]);
  const categories = useLiveQuery(() => readCategoryNames(db), [db]);
  return { files, categories };
}
