import { FeedParseError } from './feeds/errors';
import { parseFeed } from './feeds/parse-feed';
import type { IngestBatch } from './paper';
import { mergeById } from './merge';

export interface DroppedFile {
  /** Name relative to the watched folder. */
  file: string;
  hash: string;
  text: string;
  modifiedAt: Date;
  seenAt: Date;
}

/** Parses one dropped file into the batch the renderer stores; a bad file yields errors, never a throw. */
export function buildIngestBatch(dropped: DroppedFile): IngestBatch {
  const seenAt = dropped.seenAt.toISOString();
  const base = { file: dropped.file, hash: dropped.hash, seenAt };
  try {
    const feed = parseFeed(dropped);
    const listing = { file: dropped.file, hash: dropped.hash, format: feed.format, seenAt };
    const papers = mergeById(feed.papers.map((paper) => ({ ...paper, listings: [listing] })));
    const errors = feed.problems.map((message) => ({ file: dropped.file, message }));
    return { ...base, format: feed.format, papers, errors };
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    return { ...base, format: null, papers: [], errors: [{ file: dropped.file, message: error.message }] };
  }
}
