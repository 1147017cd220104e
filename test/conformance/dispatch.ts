import { readFileSync } from 'node:fs';
import { FeedParseError } from '../../shared/feeds/errors';
import type { TitledEntry } from '../../shared/feeds/formats/feed-entry-helpers';
import { atomEntries, genericAtomParser } from '../../shared/feeds/formats/generic-atom';
import { genericRdfParser, rdfEntries } from '../../shared/feeds/formats/generic-rdf';
import { genericRssParser, rssEntries } from '../../shared/feeds/formats/generic-rss';
import { jsonFeedEntries, jsonFeedParser } from '../../shared/feeds/formats/json-feed';
import type { FormatParser, RawRecord } from '../../shared/feeds/raw-record';
import type { FeedFormat } from '../../shared/paper';
import { decodeFeedBytes } from '../../shared/text/decode-feed-bytes';

/**
 * The generic parsers only: the app's registry (arXiv detectors first) is not what is measured here.
 * Fixtures test one field at a time, mostly in untitled items, which `parse` skips by design; so
 * each parser's every-entry reader is measured, with the detector that guards it.
 */
const GENERIC_READERS: [FormatParser, (text: string) => TitledEntry[]][] = [
  [genericRssParser, rssEntries],
  [genericAtomParser, atomEntries],
  [genericRdfParser, rdfEntries],
  [jsonFeedParser, jsonFeedEntries],
];

export type ParseOutcome =
  | { ok: true; format: FeedFormat; records: RawRecord[] }
  /** `crashed` is an error other than FeedParseError: a bug, never an acceptable answer. */
  | { ok: false; format: FeedFormat | null; error: string; crashed: boolean };

export function readFeedText(path: string): string {
  return decodeFeedBytes(new Uint8Array(readFileSync(path))).text;
}

/** The first generic parser whose detector claims the text, and every entry it read. */
export function parseWithGenericParsers(text: string): ParseOutcome {
  const reader = GENERIC_READERS.find(([parser]) => parser.detect(text));
  if (!reader) return { ok: false, format: null, error: 'no generic detector claims it', crashed: false };
  const [{ format }, readEntries] = reader;
  try {
    return { ok: true, format, records: readEntries(text).map((entry) => entry.record) };
  } catch (error) {
    const crashed = !(error instanceof FeedParseError);
    return { ok: false, format, error: error instanceof Error ? error.message : String(error), crashed };
  }
}
