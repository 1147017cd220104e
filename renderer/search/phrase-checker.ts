import type { PaperdropDatabase } from '../db/database';
import { pagesWithIds } from '../db/paper-pages';
import { containsPhrases } from './phrase-check';

/** How many of a phrase query's best candidates are checked word for word against their text; the rest follow unchecked. */
export const PHRASE_CHECKS = 2000;
/** Candidates checked between two looks at whether a newer query came; the first slice's matches are answered at once. */
const PHRASE_SLICE = 100;

/**
 * Checks a phrase query's candidates against their text, which the index does not keep: each
 * candidate's page is read from the library. Verdicts are kept for as long as the query is the
 * same, so answering it again as papers arrive reads only the new candidates; a paper indexed
 * again or dropped loses its verdict.
 */
export class PhraseChecker {
  private query = '';
  private readonly verdicts = new Map<string, boolean>();

  constructor(private readonly db: PaperdropDatabase) {}

  /** Papers whose text changed, or that left the library. */
  forget(ids: Iterable<string>): void {
    for (const id of ids) this.verdicts.delete(id);
  }

  /**
   * The candidates that hold every phrase, best first, then those past the checked ones. The
   * matches among the first slice go to `early` as soon as they are known, when more follow.
   * Null if `superseded` turns true between slices: a newer query is waiting.
   */
  async keepMatches(
    query: { text: string; phrases: string[][] },
    candidates: readonly string[],
    early: (matches: string[]) => void,
    superseded: () => boolean,
  ): Promise<string[] | null> {
    if (query.text !== this.query) {
      this.query = query.text;
      this.verdicts.clear();
    }
    const checked = candidates.slice(0, PHRASE_CHECKS);
    const checkedSet = new Set(checked);
    const kept: string[] = [];
    for (let start = 0; start < checked.length; start += PHRASE_SLICE) {
      const slice = checked.slice(start, start + PHRASE_SLICE);
      const unknown = slice.filter((id) => !this.verdicts.has(id));
      if (unknown.length > 0) {
        await this.check(unknown, checkedSet, query.phrases);
        if (superseded()) return null;
      }
      kept.push(...slice.filter((id) => this.verdicts.get(id)));
      if (start === 0 && candidates.length > PHRASE_SLICE) early([...kept]);
    }
    return [...kept, ...candidates.slice(PHRASE_CHECKS)];
  }

  /** Reads the papers' pages, and judges every candidate on them: the other papers on a page come free. */
  private async check(ids: readonly string[], candidates: ReadonlySet<string>, phrases: string[][]): Promise<void> {
    for (const paper of (await pagesWithIds(this.db, ids)).flatMap((page) => page.papers)) {
      if (candidates.has(paper.id) && !this.verdicts.has(paper.id)) this.verdicts.set(paper.id, containsPhrases(paper, phrases));
    }
    // A candidate no page holds was merged away since the index answered.
    for (const id of ids) if (!this.verdicts.has(id)) this.verdicts.set(id, false);
  }
}
