import { describe, expect, it } from 'vitest';
import { KeyDirectory } from '../renderer/db/key-directory';
import { pageOf } from '../renderer/db/page-layout';
import { emptyPaperFields, toPaperRecord } from '../renderer/db/paper-record';
import type { KeyDigestRecord, PaperRecord } from '../renderer/db/records';

/** Two papers with their own arXiv ids and the same title: both hold its title key. */
function paper(arxivId: string, generation: number): PaperRecord {
  const fields = { ...emptyPaperFields(), arxivId, authors: [], abstract: '', published: '2026-01-01', listings: [] };
  return toPaperRecord({ ...fields, id: `arxiv:${arxivId}`, title: 'Attention Is All You Need' }, generation);
}

const titleKey = 'title:attention is all you need';

describe('the key directory', () => {
  it('leads from a key to every page holding it, lifting a page only once no paper on it holds the key', () => {
    const [first, second] = [paper('2401.00001', 1), paper('2401.00002', 1)];
    expect(first.keys).toEqual([titleKey]);
    const directory = new KeyDirectory();
    const shared = pageOf(1, 0, [first, second]);
    const records: KeyDigestRecord[] = [directory.recordOf(1, [shared], [])];
    directory.apply(records[0]!);
    expect(directory.mayHold(titleKey) && directory.mayHold(first.id)).toBe(true);
    expect(directory.pagesWithKeys([titleKey])).toEqual([[1, 0]]);

    // The first paper moves to generation 2; the second still holds the key on the old page.
    const left = pageOf(1, 0, [second]);
    records.push(directory.recordOf(2, [pageOf(2, 0, [paper('2401.00001', 2)])], [{ before: shared, after: left }]));
    directory.apply(records[1]!);
    expect(directory.pagesWithKeys([titleKey])).toEqual([
      [1, 0],
      [2, 0],
    ]);

    // Then the second moves too, and the old page is emptied.
    records.push(directory.recordOf(3, [pageOf(3, 4, [paper('2401.00002', 3)])], [{ before: left, after: null }]));
    directory.apply(records[2]!);
    expect(directory.pagesWithKeys([titleKey]).sort()).toEqual([
      [2, 0],
      [3, 4],
    ]);
    expect(directory.pagesWithKeys(['title:some other paper'])).toEqual([]);

    // Another tab reading the same records, one applied twice, knows the same.
    const other = new KeyDirectory();
    for (const record of [records[0]!, records[1]!, records[1]!, records[2]!]) other.apply(record);
    expect(other.pagesWithKeys([titleKey]).sort()).toEqual(directory.pagesWithKeys([titleKey]).sort());
  });

  it('stores only the digests it does not know yet', () => {
    const directory = new KeyDirectory();
    const first = directory.recordOf(1, [pageOf(1, 0, [paper('2401.00001', 1)])], []);
    directory.apply(first);
    expect(first.digests).toHaveLength(2);
    const again = directory.recordOf(2, [pageOf(2, 0, [paper('2401.00001', 2), paper('2401.00002', 2)])], []);
    expect(again.digests).toHaveLength(1);
    expect(again.placed!.digests).toHaveLength(1);
  });
});
