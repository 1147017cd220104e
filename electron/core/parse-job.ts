import { buildIngestBatch, type DroppedFile } from '../../shared/ingest-batch';
import type { HtmlTools } from '../../shared/normalize/html-tools';
import type { IngestBatch } from '../../shared/paper';
import { createDomHtmlTools } from './dom-html-tools';

/** Parses one file's bytes into its batch: in a worker thread in the app, inline in the CLI. */
export type ParseFile = (job: DroppedFile) => Promise<IngestBatch>;

/** Parses on the calling thread; the HTML tools are made on first use. */
export function createInlineParser(): ParseFile {
  let html: HtmlTools | null = null;
  return async (job) => buildIngestBatch(job, (html ??= createDomHtmlTools()));
}
