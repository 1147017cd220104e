import type { PartSizes, SnapshotHead, SnapshotPart, SnapshotRecord } from '../renderer/search/index-snapshot';
import { PaperIndex } from '../renderer/search/paper-index';

/** Runs a sliced job in the thinnest slices it allows, returning how many it took. */
export function runInSlices(job: { step(deadline: number): boolean }): number {
  let slices = 1;
  while (!job.step(Number.NEGATIVE_INFINITY)) slices += 1;
  return slices;
}

/** Saves the index as the search worker does, a slice at a time. */
export function saveIndex(index: PaperIndex, sizes?: PartSizes): [SnapshotHead, ...SnapshotPart[]] {
  const writer = index.snapshotWriter(1, sizes);
  runInSlices(writer);
  return writer.records() as [SnapshotHead, ...SnapshotPart[]];
}

/** Restores saved records into a new index, part by part and a slice at a time; `afterPart` sees it after each part. */
export function restoreIndex(records: readonly SnapshotRecord[], afterPart: (index: PaperIndex, part: number) => void = () => {}): PaperIndex {
  const [head, ...parts] = records as [SnapshotHead, ...SnapshotPart[]];
  const index = new PaperIndex();
  index.beginRestore(head);
  parts.forEach((part, position) => {
    runInSlices(index.partRestorer(part));
    afterPart(index, position);
  });
  return index;
}
