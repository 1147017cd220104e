import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { storeBatch } from '../renderer/db/library-writer';
import { containsPhrases } from '../renderer/search/phrase-check';
import { PhraseChecker } from '../renderer/search/phrase-checker';
import { parseQuery } from '../renderer/search/query-syntax';
import { fixtureBatches } from './index-test-helpers';
import { databaseOpener } from './sample-library';
import { allPapers } from './stored-papers';

const openDatabase = databaseOpener('phrase-checker');
const QUERY = '"language model"';
const { phrases } = parseQuery(QUERY);

async function library() {
  const db = openDatabase();
  for (const batch of fixtureBatches()) await storeBatch(db, batch);
  const papers = await allPapers(db);
  return { db, papers, candidates: papers.map((paper) => paper.id) };
}

describe('the phrase checker', () => {
  it('keeps the candidates whose text holds the phrase, answers the first slice early, and reads each page again only for papers it forgot', async () => {
    const { db, papers, candidates } = await library();
    expect(candidates.length).toBeGreaterThan(100);
    const expected = papers.filter((paper) => containsPhrases(paper, phrases)).map((paper) => paper.id);
    expect(expected.length).toBeGreaterThan(0);
    const checker = new PhraseChecker(db);
    const early: string[][] = [];
    expect(await checker.keepMatches({ text: QUERY, phrases }, candidates, (ids) => early.push(ids), () => false)).toEqual(expected);
    expect(early).toEqual([expected.filter((id) => candidates.indexOf(id) < 100)]);

    const reads = vi.spyOn(db.pages, 'bulkGet');
    expect(await checker.keepMatches({ text: QUERY, phrases }, candidates, () => undefined, () => false)).toEqual(expected);
    expect(reads).not.toHaveBeenCalled();
    checker.forget(candidates.slice(0, 3));
    await checker.keepMatches({ text: QUERY, phrases }, candidates, () => undefined, () => false);
    expect(reads).toHaveBeenCalledTimes(1);
    reads.mockRestore();
  });

  it('stops between slices once a newer query waits', async () => {
    const { db, candidates } = await library();
    const checker = new PhraseChecker(db);
    let slices = 0;
    expect(await checker.keepMatches({ text: QUERY, phrases }, candidates, () => undefined, () => ++slices > 1)).toBeNull();
    expect(slices).toBe(2);
  });
});
