import { arxivApi } from './formats/arxiv-api';
import { arxivAtom } from './formats/arxiv-atom';
import { arxivOai } from './formats/arxiv-oai';
import { arxivRdf } from './formats/arxiv-rdf';
import { arxivRss } from './formats/arxiv-rss';
import { arxivSnapshot } from './formats/arxiv-snapshot';
import { feedparserJson } from './formats/feedparser-json';
import { genericAtomParser } from './formats/generic-atom';
import { genericRdfParser } from './formats/generic-rdf';
import { genericRssParser } from './formats/generic-rss';
import { hfDailyJsonParser } from './formats/hf-daily-json';
import { hfPapersTextParser } from './formats/hf-papers-text';
import { jsonFeedParser } from './formats/json-feed';
import { jsonlDailyParser } from './formats/jsonl-daily';
import type { FormatParser } from './raw-record';

/**
 * Every format, in the order detection tries them: arXiv's own shapes before the generic
 * feeds that would also accept them, and the plain-text page dump last.
 */
export const FORMAT_PARSERS: readonly FormatParser[] = [
  arxivRss,
  arxivAtom,
  arxivApi,
  arxivRdf,
  arxivOai,
  arxivSnapshot,
  feedparserJson,
  hfDailyJsonParser,
  jsonlDailyParser,
  jsonFeedParser,
  genericRdfParser,
  genericAtomParser,
  genericRssParser,
  hfPapersTextParser,
];
