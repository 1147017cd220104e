import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDomHtmlTools } from '../electron/core/dom-html-tools';
import { FeedParseError } from '../shared/feeds/errors';
import { hfPapersTextParser } from '../shared/feeds/formats/hf-papers-text';
import { parseFeed } from '../shared/feeds/parse-feed';
import type { RawRecord } from '../shared/feeds/raw-record';
import { buildIngestBatch } from '../shared/ingest-batch';
import { mergeCatalog } from '../shared/merge';
import type { HtmlTools } from '../shared/normalize/html-tools';
import { normaliseRecord } from '../shared/normalize/record';
import { SEED_FILES, SEEDS_DIR } from './shared-paths';

const savedAt = new Date('2025-06-01T12:00:00Z');
const readSeed = (name: string) => readFileSync(SEEDS_DIR + name, 'utf8');
const bytesOf = (text: string) => new TextEncoder().encode(text);
const html = createDomHtmlTools();
const ingest = (file: string, text: string) =>
  buildIngestBatch({ file, hash: file, bytes: bytesOf(text), modifiedAt: savedAt, seenAt: savedAt }, html);
const parsePage = (text: string, modifiedAt = savedAt) => hfPapersTextParser.parse(text, { modifiedAt });

/** Page text is never markup: normalising it must not need an HTML parser. */
const noHtml: HtmlTools = {
  toText: () => expect.unreachable('page text was treated as HTML'),
  sanitize: () => expect.unreachable('page text was treated as HTML'),
};
const normalise = (record: RawRecord) => normaliseRecord(record, noHtml);

describe('the papers page saved as text', () => {
  it('reads every title and abstract pair of the first seed file', () => {
    const { records, problems } = parsePage(readSeed(SEED_FILES[0]));
    expect(problems).toEqual([]);
    expect(records).toHaveLength(60);
    expect(records[0]).toMatchObject({
      title: 'Token Merging for Training-Free Semantic Binding in Text-to-Image Synthesis',
      authors: [],
      identifiers: [],
      link: null,
      published: '2025-03-11',
    });
    expect(normalise(records[0]!)).toMatchObject({
      id: 'title:token merging for training free semantic binding in text to image synthesis',
      authors: [],
      published: '2025-03-11',
    });
    expect(records[0]!.abstract).toMatch(/^Although text-to-image \(T2I\) models exhibit remarkable generation capabilities/);
    expect(records[0]!.abstract).toMatch(/publicly available at https:\/\/github\.com\/hutaihang\/ToMe\.$/);
    expect(records[1]!.title).toBe('Linking Representations with Multimodal Contrastive Learning');
    expect(records.at(-1)!.title).toBe('RazorAttention: Efficient KV Cache Compression Through Retrieval Heads');
  });

  it('reads the second seed file, dated by its own date line', () => {
    const { records } = parsePage(readSeed(SEED_FILES[1]));
    expect(records).toHaveLength(46);
    expect(records[0]).toMatchObject({ title: 'The Devil in Linear Transformer', published: '2025-03-14' });
    expect(records.every((record) => (record.abstract ?? '').length > 100)).toBe(true);
  });

  it('keeps text verbatim: a <SEG> token in a title is a word, not a tag', () => {
    const { records } = parsePage(readSeed(SEED_FILES[0]));
    const seg = records.find((record) => record.title.includes('<SEG>'));
    expect(seg).toMatchObject({ title: 'Reasoning to Attend: Try to Understand How <SEG> Token Works', titleIsMarkup: false, abstractIsHtml: false });
    expect(normalise(seg!)!.title).toBe('Reasoning to Attend: Try to Understand How <SEG> Token Works');
  });

  it('gives 106 listings and 89 distinct papers across both seed files', () => {
    const batches = SEED_FILES.map((file) => ingest(file, readSeed(file)));
    expect(batches.map((batch) => batch.papers.length)).toEqual([60, 46]);
    expect(batches.flatMap((batch) => batch.errors)).toEqual([]);
    const merged = mergeCatalog(batches.flatMap((batch) => batch.papers));
    expect(merged).toHaveLength(89);
    const inBoth = merged.filter((paper) => paper.listings.length === 2);
    expect(inBoth).toHaveLength(106 - 89);
    expect(inBoth.map((paper) => paper.title)).toContain('Beyond Next-Token: Next-X Prediction for Autoregressive Visual Generation');
  });

  it('takes the year from the file: a date after the save belongs to the year before', () => {
    const text = 'header\n\nDec 30\n\nA Title\n\nAn abstract.';
    const [record] = parsePage(text, new Date('2026-01-02T00:00:00Z')).records;
    expect(record!.published).toBe('2025-12-30');
  });

  it('accepts CRLF line ends and extra blank lines', () => {
    const text = 'new\r\n\r\nMar 11\r\n\r\n\r\nFirst  Title\r\n\r\nFirst abstract\r\ncontinues.\r\n\r\nSecond\r\n\r\nSecond abstract';
    const papers = parsePage(text).records.map(normalise);
    expect(papers.map((paper) => [paper!.title, paper!.abstract])).toEqual([
      ['First Title', 'First abstract continues.'],
      ['Second', 'Second abstract'],
    ]);
  });
});

describe('a file that is not a feed', () => {
  it.each([
    ['empty', '', /empty/],
    ['binary', 'PK\u0003\u0004\u0000\u0000junk', /binary/],
    ['prose', 'Just some notes\n\nabout nothing in particular.', /not a recognised feed/],
  ])('is refused with a reason: %s', (_name, text, reason) => {
    expect(hfPapersTextParser.detect(text)).toBe(false);
    expect(() => parseFeed(bytesOf(text), { modifiedAt: savedAt }, html)).toThrow(FeedParseError);
    expect(() => parseFeed(bytesOf(text), { modifiedAt: savedAt }, html)).toThrow(reason);
  });

  it('is refused by the page parser itself when it has no date line', () => {
    expect(() => parsePage('Just some notes\n\nabout nothing in particular.')).toThrow(FeedParseError);
    expect(() => parsePage('Just some notes\n\nabout nothing in particular.')).toThrow(/no "Mon DD" date line/);
  });

  it('becomes an error that names the file, not a crash', () => {
    const batch = ingest('notes/todo.txt', 'hello');
    expect(batch).toMatchObject({ format: null, papers: [], errors: [{ file: 'notes/todo.txt', message: 'not a recognised feed' }] });
  });

  it('a page dump whose last title lost its abstract keeps the good papers and names the skipped title', () => {
    const text = 'new\n\nMar 11\n\nTitle one\n\nAbstract one\n\nDangling title';
    const { records, problems } = parsePage(text);
    expect(records.map((record) => record.title)).toEqual(['Title one']);
    expect(problems).toEqual(['the last title has no abstract and was skipped: "Dangling title"']);
    const batch = ingest('cut.txt', text);
    expect(batch.papers.map((paper) => paper.title)).toEqual(['Title one']);
    expect(batch.errors).toEqual([
      { file: 'cut.txt', message: 'the last title has no abstract and was skipped: "Dangling title"' },
    ]);
  });
});
