import { FeedParseError } from './feeds/errors';
import { parseFeedSteps } from './feeds/parse-feed';
import { mergeCatalog } from './merge';
import type { HtmlTools } from './normalize/html-tools';
import type { IngestBatch, Paper } from './paper';
import { formatMegabytes } from './text/limits';
import { runSteps, type Steps } from './steps';

export interface DroppedFile {
  /** Name relative to the watched folder (or as given to the CLI). */
  file: string;
  hash: string;
  bytes: Uint8Array;
  modifiedAt: Date;
  seenAt: Date;
}

/**
 * Parses one dropped file into the batch the renderer stores: its papers, merged within the
 * file, each with a listing of where it was seen. A bad file yields errors, never a throw.
 */
export function buildIngestBatch(dropped: DroppedFile, html: HtmlTools): IngestBatch {
  return runSteps(ingestBatchSteps(dropped, html));
}

/** buildIngestBatch an entry at a time, as parseFeedSteps reads them. */
export function* ingestBatchSteps(dropped: DroppedFile, html: HtmlTools): Steps<IngestBatch> {
  const seenAt = dropped.seenAt.toISOString();
  const base = { file: dropped.file, hash: dropped.hash, seenAt };
  try {
    const feed = yield* parseFeedSteps(dropped.bytes, { modifiedAt: dropped.modifiedAt }, html);
    const feedDate = feed.feedDate === null ? {} : { feedDate: feed.feedDate };
    const papers: Paper[] = feed.papers.map(({ announceType, ...paper }) => ({
      ...paper,
      listings: [{ file: dropped.file, hash: dropped.hash, format: feed.format, seenAt, announceType, version: paper.version, ...feedDate }],
    }));
    const errors = feed.problems.map((message) => ({ file: dropped.file, message }));
    return { ...base, format: feed.format, papers: mergeCatalog(papers), errors };
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    return { ...base, format: null, papers: [], errors: [{ file: dropped.file, message: error.message }] };
  }
}

/** The batch for a file that could not be read or parsed: no papers, and the reason. */
export function failedBatch(file: string, hash: string, message: string, seenAt: Date): IngestBatch {
  return { file, hash, format: null, seenAt: seenAt.toISOString(), papers: [], errors: [{ file, message }] };
}

/** The batch for a file too large to read: an error that says how large, and the limit. */
export function oversizedBatch(file: string, hash: string, size: number, limit: number, seenAt: Date): IngestBatch {
  return failedBatch(file, hash, `the file is ${formatMegabytes(size)}; feeds over ${formatMegabytes(limit)} are not read`, seenAt);
}
