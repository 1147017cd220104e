import Dexie, { type Transaction } from 'dexie';
import { categoryName } from '../../shared/arxiv-taxonomy';
import { classify } from '../../shared/normalize/classification';
import type { ListRecord, MetaRecord, PaperRecord } from './database';
import { categoryList } from './paper-lists';

/**
 * Schema 8: stored papers' categories checked against arXiv's taxonomy, as new ones are: MSC and
 * ACM codes become classes, free text goes. The category lists are made again from the papers,
 * and a saved search index that still holds the old categories is dropped, to be built afresh.
 */
export async function classifyStoredPapers(transaction: Transaction): Promise<void> {
  const membersByCategory = new Map<string, string[]>();
  let changed = false;
  await transaction
    .table<PaperRecord, string>('papers')
    .toCollection()
    .modify((paper) => {
      const { categories, classes } = classify([...paper.categories, ...(paper.classes ?? [])]);
      const primaryCategory = paper.primaryCategory !== null && categoryName(paper.primaryCategory) !== null ? paper.primaryCategory : null;
      for (const category of categories) {
        const members = membersByCategory.get(category);
        if (members) members.push(paper.id);
        else membersByCategory.set(category, [paper.id]);
      }
      if (sameList(categories, paper.categories) && sameList(classes, paper.classes ?? []) && primaryCategory === paper.primaryCategory) return;
      Object.assign(paper, { categories, classes, primaryCategory });
      changed = true;
    });
  const lists = transaction.table<ListRecord, [string, number]>('lists');
  const prefix = categoryList('');
  await lists.where('[list+generation]').between([prefix, Dexie.minKey], [`${prefix}\uffff`, Dexie.maxKey]).delete();
  const generation = (await transaction.table<MetaRecord, string>('meta').get('generation'))?.value ?? 0;
  await lists.bulkPut([...membersByCategory].map(([category, ids]) => ({ list: categoryList(category), generation, ids })));
  if (changed) await transaction.table('searchIndex').clear();
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);
