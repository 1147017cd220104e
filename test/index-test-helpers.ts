import { readdirSync } from 'node:fs';
import type { IngestBatch, Paper } from '../shared/paper';
import type { IndexJob } from '../renderer/search/posting-store';
import { parseFile } from './parse-file';
import { FEEDS_DIR } from './shared-paths';

/** Runs a sliced job in the thinnest slices it allows, checking between slices if asked; returns how many it took. */
export function runInSlices(job: { step(deadline: number): boolean }, between: () => void = () => {}): number {
  let slices = 1;
  while (!job.step(Number.NEGATIVE_INFINITY)) {
    between();
    slices += 1;
  }
  return slices;
}

/** Runs a store job to its end, in thin slices, and applies it. */
export function finishInSlices(job: IndexJob, between?: () => void): number {
  const slices = runInSlices(job, between);
  job.finish();
  return slices;
}

/** Every feed under test/fixtures/feeds, parsed as the app parses it, in path order. */
export function fixtureBatches(): IngestBatch[] {
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(`${folder}${entry.name}/`) : entry.name.endsWith('.md') ? [] : [`${folder}${entry.name}`]));
  return files(FEEDS_DIR)
    .sort()
    .map((file) => parseFile(file));
}

/** Every paper of every feed under test/fixtures/feeds, once each (the last listing wins): a few hundred real papers. */
export function fixturePapers(): Paper[] {
  const byId = new Map<string, Paper>();
  for (const batch of fixtureBatches()) for (const paper of batch.papers) byId.set(paper.id, paper);
  return [...byId.values()];
}
