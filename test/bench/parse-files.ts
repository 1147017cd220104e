import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createDomHtmlTools } from '../../electron/core/dom-html-tools';
import { buildIngestBatch } from '../../shared/ingest-batch';
import { mergeCatalog } from '../../shared/merge';
import type { Paper } from '../../shared/paper';
import type { BenchFormat, FeedFile } from './feed-files';

export interface Throughput {
  files: number;
  papers: number;
  megabytes: number;
  seconds: number;
  papersPerSec: number;
  mbPerSec: number;
}

export interface ParseOutcome {
  overall: Throughput;
  byFormat: Partial<Record<BenchFormat, Throughput>>;
  /** Every paper of every file, merged as the library merges them. */
  catalog: Paper[];
  /** Per-file errors and skips the parser reported, as "file: message". */
  problems: string[];
}

const throughput = (files: number, papers: number, bytes: number, seconds: number): Throughput => ({
  files,
  papers,
  megabytes: bytes / 1e6,
  seconds,
  papersPerSec: papers / seconds,
  mbPerSec: bytes / 1e6 / seconds,
});

/** Parses each file with the app's own ingest code (as the CLI does, on this thread), timing the parse alone. */
export async function parseFeedFiles(files: readonly FeedFile[]): Promise<ParseOutcome> {
  const html = createDomHtmlTools();
  const totals = new Map<BenchFormat, { files: number; papers: number; bytes: number; seconds: number }>();
  const papers: Paper[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const bytes = await readFile(file.path);
    const now = new Date();
    const job = { file: file.name, hash: createHash('sha256').update(bytes).digest('hex'), bytes, modifiedAt: now, seenAt: now };
    const started = performance.now();
    const batch = buildIngestBatch(job, html);
    const seconds = (performance.now() - started) / 1000;
    if (batch.format !== file.format) problems.push(`${file.name}: read as ${batch.format ?? 'nothing'}, written as ${file.format}`);
    problems.push(...batch.errors.map((error) => `${error.file}: ${error.message}`));
    papers.push(...batch.papers);
    const total = totals.get(file.format) ?? { files: 0, papers: 0, bytes: 0, seconds: 0 };
    totals.set(file.format, { files: total.files + 1, papers: total.papers + batch.papers.length, bytes: total.bytes + bytes.length, seconds: total.seconds + seconds });
  }
  const byFormat: ParseOutcome['byFormat'] = {};
  for (const [format, total] of totals) byFormat[format] = throughput(total.files, total.papers, total.bytes, total.seconds);
  const all = [...totals.values()].reduce(
    (sum, total) => ({
      files: sum.files + total.files,
      papers: sum.papers + total.papers,
      bytes: sum.bytes + total.bytes,
      seconds: sum.seconds + total.seconds,
    }),
    { files: 0, papers: 0, bytes: 0, seconds: 0 },
  );
  return { overall: throughput(all.files, all.papers, all.bytes, all.seconds), byFormat, catalog: mergeCatalog(papers), problems };
}
