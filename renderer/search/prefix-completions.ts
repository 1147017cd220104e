import { STOP_WORDS } from './index-terms';
import type { PostingStore } from './posting-store';

/** A typed prefix stands for at most this many of the commonest words it begins. */
const MAX_COMPLETIONS = 16;
/** Completions are worked out again once the index has grown or shrunk by this share, or has new words. */
const STALE_AFTER = 0.02;
const MAX_REMEMBERED = 2000;

/**
 * The commonest indexed words each prefix begins, by how many documents hold them. A short
 * prefix ("co") begins thousands of words and walking them takes tens of milliseconds, so the
 * answer is remembered while the index stays about the same size and gains no words.
 */
export class PrefixCompletions {
  private readonly remembered = new Map<string, { terms: string[]; documentCount: number; termsAdded: number }>();

  constructor(private readonly index: PostingStore) {}

  /** The completions, without the prefix itself or stop words, commonest first. */
  of(prefix: string): string[] {
    const { documentCount, termsAdded } = this.index;
    const known = this.remembered.get(prefix);
    if (known && known.termsAdded === termsAdded && Math.abs(known.documentCount - documentCount) <= documentCount * STALE_AFTER) return known.terms;
    const terms = this.commonest(prefix);
    // A dictionary whose tree is still being built knows only some completions: not worth remembering.
    if (!this.index.dictionary.treeComplete) return terms;
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(prefix, { terms, documentCount, termsAdded });
    return terms;
  }

  private commonest(prefix: string): string[] {
    const found: { term: string; documents: number }[] = [];
    const { dictionary } = this.index;
    for (const [term, number] of dictionary.withPrefix(prefix)) {
      if (term === prefix || STOP_WORDS.has(term)) continue;
      found.push({ term, documents: dictionary.documentsHolding(number) });
    }
    return found
      .sort((a, b) => b.documents - a.documents || (a.term < b.term ? -1 : 1))
      .slice(0, MAX_COMPLETIONS)
      .map(({ term }) => term);
  }
}
