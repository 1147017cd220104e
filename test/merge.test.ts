import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeCatalog, planMerge } from '../shared/merge';
import type { IngestBatch, Paper } from '../shared/paper';
import { PaperdropDatabase } from '../renderer/db/database';
import { setMarks } from '../renderer/db/mark-writer';
import { storeBatch } from '../renderer/db/library-writer';
import { parseFile, parseText } from './parse-file';
import { sample } from './sample-library';
import { REAL_DIR } from './shared-paths';
import { allPapers as allStored } from './stored-papers';

/** Small real files of different formats, some listing the same papers. */
const BATCHES: IngestBatch[] = [
  sample('arxiv-rss2-2024.xml'),
  sample('arxiv-api-atom.xml'),
  sample('arxiv-atom-2024.xml'),
  sample('hf-daily-papers.json'),
  sample('hf-papers-page-export-with-urls.txt'),
  sample('hf-papers-page-plaintext.txt'),
  sample('biorxiv-rss1-rdf.xml'),
  parseFile(`${REAL_DIR}hf-daily-paper-newsletter-chinese/2025-01-10.json`),
  // The same paper as a title-only page dump, a newer arXiv version and a listing with a DOI.
  parseText('new\n\nMar 11\n\nLarge  multimodal models as General In-Context classifiers!\n\nA shorter abstract.', 'dump.txt'),
];

const allPapers = (batches: IngestBatch[]) => batches.flatMap((batch) => batch.papers);
const strip = (papers: Paper[]) => JSON.parse(JSON.stringify(papers)) as Paper[];

describe('merging', () => {
  it('joins a title-only listing to the keyed paper with the same normalised title', () => {
    const merged = mergeCatalog(allPapers(BATCHES));
    const paper = merged.find((candidate) => candidate.arxivId === '2602.23229')!;
    expect(paper.id).toBe('arxiv:2602.23229');
    expect(paper.listings.map((listing) => listing.file)).toEqual(expect.arrayContaining(['hf-daily-papers.json', 'dump.txt']));
    expect(merged.some((candidate) => candidate.id.startsWith('title:large multimodal'))).toBe(false);
    expect(paper.abstract.length).toBeGreaterThan('A shorter abstract.'.length);
  });

  it('lets a newer arXiv version update the text, whatever the order', () => {
    const [v1] = sample('arxiv-api-atom.xml').papers;
    const v2: Paper = { ...v1!, version: 2, title: 'Revised title', abstract: 'Short v2 abstract.', listings: [{ ...v1!.listings[0]!, hash: 'v2', version: 2 }] };
    for (const order of [[v1!, v2], [v2, v1!]]) {
      const [merged] = mergeCatalog(order);
      expect(merged).toMatchObject({ version: 2, title: 'Revised title', abstract: 'Short v2 abstract.' });
      expect(merged!.listings.map((listing) => listing.version).sort()).toEqual([1, 2]);
    }
  });

  it('is idempotent and does not depend on the order of files (property)', () => {
    const once = strip(mergeCatalog(allPapers(BATCHES)));
    fc.assert(
      fc.property(fc.shuffledSubarray(BATCHES, { minLength: BATCHES.length }), fc.integer({ min: 1, max: 3 }), (shuffled, repeats) => {
        const again = mergeCatalog(Array.from({ length: repeats }, () => allPapers(shuffled)).flat());
        expect(strip(again)).toEqual(once);
        expect(strip(mergeCatalog(again))).toEqual(once);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same records stored batch by batch as merged at once (property)', () => {
    const atOnce = strip(planMerge([], allPapers(BATCHES)).put);
    fc.assert(
      fc.property(fc.shuffledSubarray(BATCHES, { minLength: BATCHES.length }), (shuffled) => {
        let stored: Paper[] = [];
        for (const batch of shuffled) {
          const plan = planMerge(stored, batch.papers);
          const gone = new Set([...plan.absorbed.map(({ from }) => from), ...plan.put.map((paper) => paper.id)]);
          stored = [...stored.filter((paper) => !gone.has(paper.id)), ...plan.put];
        }
        expect(strip(stored.sort((x, y) => x.id.localeCompare(y.id)))).toEqual(atOnce);
      }),
      { numRuns: 40 },
    );
  });
});

describe('merging a paper that many files list', () => {
  /** How often merging reads a listing's fields, for one paper listed in this many files. */
  function listingReads(files: number): number {
    let reads = 0;
    const [paper] = sample('arxiv-api-atom.xml').papers;
    const sightings = Array.from({ length: files }, (_, day): Paper => {
      const listing = { ...paper!.listings[0]!, file: `day-${day}.xml`, hash: `hash-${day}` };
      const counted = new Proxy(listing, { get: (target, field, receiver) => (reads++, Reflect.get(target, field, receiver)) });
      return { ...paper!, listings: [counted] };
    });
    const merged = mergeCatalog(sightings);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.listings).toHaveLength(files);
    return reads;
  }

  it('does work in proportion to the listings, not to their square', () => {
    // Four times the files: 3.6 times the reads here, where folding pair by pair made it 16.
    expect(listingReads(2000) / listingReads(500)).toBeLessThan(6);
  });
});

describe('read and star state', () => {
  const databases: PaperdropDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.delete();
  });

  it('survives any order of ingest, with marks set between files (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(BATCHES, { minLength: BATCHES.length }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('read' as const, 'starred' as const)), { maxLength: 6 }),
        async (shuffled, marks) => {
          const db = new PaperdropDatabase(`merge-state-${++run}`);
          databases.push(db);
          const set = new Map<string, Set<'read' | 'starred'>>();
          for (const [index, batch] of shuffled.entries()) {
            await storeBatch(db, batch);
            const ids = (await allStored(db)).map((paper) => paper.id);
            for (const [pick, mark] of marks.filter((_mark, position) => position % shuffled.length === index)) {
              const id = ids[pick % ids.length]!;
              await setMarks(db, [id], mark, true);
              set.set(id, new Set([...(set.get(id) ?? []), mark]));
            }
          }
          const papers = await allStored(db);
          for (const [id, kinds] of set) {
            // A paper that was folded into another carries its marks over to it.
            const now = papers.find((paper) => paper.id === id) ?? papers.find((paper) => paper.keys.includes(`title:${id.slice(6)}`));
            expect(now, id).toBeDefined();
            const state = await db.states.get(now!.id);
            for (const kind of kinds) expect(state?.[kind], `${kind} on ${id}`).toBe(1);
          }
          await db.delete();
        },
      ),
      { numRuns: 25 },
    );
  });
});
