import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { SHARED_DIR } from '../shared-paths';

/** One line of ../shared/corpus/papers-*.jsonl.gz (see its README.txt). */
export interface CorpusRecord {
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  published: string;
  categories: string[];
  source_repo: string;
}

const CORPUS_PARTS = ['papers-00.jsonl.gz', 'papers-01.jsonl.gz'].map((name) => `${SHARED_DIR}corpus/${name}`);
/** The record count README.txt gives; the sample strides over it. */
export const CORPUS_SIZE = 184_301;

/**
 * `count` records spread evenly over the whole corpus (which is sorted by id), so a sample
 * mixes the 2016 computer-science harvest with the 2025–26 daily listings as the full set does.
 */
export async function* readCorpusSample(count: number): AsyncGenerator<CorpusRecord> {
  if (count > CORPUS_SIZE) throw new Error(`the corpus holds ${CORPUS_SIZE} records; asked for ${count}`);
  let line = 0;
  let taken = 0;
  for (const part of CORPUS_PARTS) {
    const input = createReadStream(part);
    const lines = createInterface({ input: input.pipe(createGunzip()), crlfDelay: Infinity });
    for await (const text of lines) {
      // Record `line` is taken when the stride count steps up over it: exactly `count` in all.
      const wanted = Math.floor(((line + 1) * count) / CORPUS_SIZE) > Math.floor((line * count) / CORPUS_SIZE);
      line += 1;
      if (!wanted) continue;
      yield JSON.parse(text) as CorpusRecord;
      taken += 1;
      if (taken === count) {
        lines.close();
        input.destroy();
        return;
      }
    }
  }
  if (taken < count) throw new Error(`the corpus ended after ${line} records, ${taken} of ${count} taken`);
}
