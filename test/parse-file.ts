import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createDomHtmlTools } from '../electron/core/dom-html-tools';
import { buildIngestBatch } from '../shared/ingest-batch';
import type { IngestBatch } from '../shared/paper';

const html = createDomHtmlTools();

/** A real file through the app's own parsing, as the ingest core would read it. */
export function parseFile(path: string, options: { name?: string; modifiedAt?: Date; seenAt?: Date } = {}): IngestBatch {
  const bytes = readFileSync(path);
  return buildIngestBatch(
    {
      file: options.name ?? path.split('/').at(-1)!,
      hash: createHash('sha256').update(bytes).digest('hex'),
      bytes,
      modifiedAt: options.modifiedAt ?? statSync(path).mtime,
      seenAt: options.seenAt ?? new Date('2026-01-01T00:00:00Z'),
    },
    html,
  );
}

/** Text given inline, parsed the same way. */
export function parseText(text: string, name = 'inline.txt', modifiedAt = new Date('2025-06-01T12:00:00Z')): IngestBatch {
  const bytes = new TextEncoder().encode(text);
  return buildIngestBatch({ file: name, hash: createHash('sha256').update(bytes).digest('hex'), bytes, modifiedAt, seenAt: modifiedAt }, html);
}
