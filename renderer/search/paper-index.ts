import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Paper } from '../../shared/paper';

type IndexedPaper = Pick<Paper, 'id' | 'title' | 'abstract'>;

const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: 3 },
  combineWith: 'AND',
  // Prefix-match only the word still being typed, and forgive typos only in long words.
  prefix: (_term, index, terms) => index === terms.length - 1,
  fuzzy: (term) => (term.length > 5 ? 0.2 : false),
};

/** Words are runs of letters and digits: "<SEG>" is the word "seg", "Text-to-Image" three words. */
const tokenize = (text: string): string[] => text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);

/** Full-text index over titles and abstracts; it stores no fields, only ids. */
export class PaperIndex {
  private readonly index = new MiniSearch<IndexedPaper>({
    fields: ['title', 'abstract'],
    storeFields: [],
    tokenize,
    searchOptions: { ...SEARCH_OPTIONS, tokenize },
  });

  upsert(papers: IndexedPaper[]): void {
    for (const paper of papers) {
      const document = { id: paper.id, title: paper.title, abstract: paper.abstract };
      if (this.index.has(paper.id)) this.index.replace(document);
      else this.index.add(document);
    }
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
  }

  /** Ids of matching papers, best first. */
  search(query: string): string[] {
    return this.index.search(query).map((result) => String(result.id));
  }
}
