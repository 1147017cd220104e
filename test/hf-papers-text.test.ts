import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../shared/feeds/errors';
import { parseFeed } from '../shared/feeds/parse-feed';
import { parsePapersPageText } from '../shared/feeds/hf-papers-text';
import { buildIngestBatch } from '../shared/ingest-batch';
import { mergeById } from '../shared/merge';
import { SEED_FILES, SEEDS_DIR } from './shared-paths';

const savedAt = new Date('2025-06-01T12:00:00Z');
const readSeed = (name: string) => readFileSync(SEEDS_DIR + name, 'utf8');

describe('the papers page saved as text', () => {
  it('reads every title and abstract pair of the first seed file', () => {
    const { papers, problems } = parsePapersPageText(readSeed(SEED_FILES[0]), { modifiedAt: savedAt });
    expect(problems).toEqual([]);
    expect(papers).toHaveLength(60);
    expect(papers[0]).toMatchObject({
      id: 'title:token merging for training free semantic binding in text to image synthesis',
      title: 'Token Merging for Training-Free Semantic Binding in Text-to-Image Synthesis',
      authors: [],
      published: '2025-03-11',
    });
    expect(papers[0]!.abstract).toMatch(/^Although text-to-image \(T2I\) models exhibit remarkable generation capabilities/);
    expect(papers[0]!.abstract).toMatch(/publicly available at https:\/\/github\.com\/hutaihang\/ToMe\.$/);
    expect(papers[1]!.title).toBe('Linking Representations with Multimodal Contrastive Learning');
    expect(papers.at(-1)!.title).toBe('RazorAttention: Efficient KV Cache Compression Through Retrieval Heads');
  });

  it('reads the second seed file, dated by its own date line', () => {
    const { papers } = parsePapersPageText(readSeed(SEED_FILES[1]), { modifiedAt: savedAt });
    expect(papers).toHaveLength(46);
    expect(papers[0]).toMatchObject({ title: 'The Devil in Linear Transformer', published: '2025-03-14' });
    expect(papers.every((paper) => paper.abstract.length > 100)).toBe(true);
  });

  it('keeps text verbatim: a <SEG> token in a title is a word, not a tag', () => {
    const titles = parsePapersPageText(readSeed(SEED_FILES[0]), { modifiedAt: savedAt }).papers.map((paper) => paper.title);
    expect(titles).toContain('Reasoning to Attend: Try to Understand How <SEG> Token Works');
  });

  it('gives 106 listings and 89 distinct papers across both seed files', () => {
    const batches = SEED_FILES.map((file) =>
      buildIngestBatch({ file, hash: file, text: readSeed(file), modifiedAt: savedAt, seenAt: savedAt }),
    );
    expect(batches.map((batch) => batch.papers.length)).toEqual([60, 46]);
    expect(batches.flatMap((batch) => batch.errors)).toEqual([]);
    const merged = mergeById(batches.flatMap((batch) => batch.papers));
    expect(merged).toHaveLength(89);
    const inBoth = merged.filter((paper) => paper.listings.length === 2);
    expect(inBoth).toHaveLength(106 - 89);
    expect(inBoth.map((paper) => paper.title)).toContain('Beyond Next-Token: Next-X Prediction for Autoregressive Visual Generation');
  });

  it('takes the year from the file: a date after the save belongs to the year before', () => {
    const text = 'header\n\nDec 30\n\nA Title\n\nAn abstract.';
    const [paper] = parsePapersPageText(text, { modifiedAt: new Date('2026-01-02T00:00:00Z') }).papers;
    expect(paper!.published).toBe('2025-12-30');
  });

  it('accepts CRLF line ends and extra blank lines', () => {
    const text = 'new\r\n\r\nMar 11\r\n\r\n\r\nFirst  Title\r\n\r\nFirst abstract\r\ncontinues.\r\n\r\nSecond\r\n\r\nSecond abstract';
    const { papers } = parsePapersPageText(text, { modifiedAt: savedAt });
    expect(papers.map((paper) => [paper.title, paper.abstract])).toEqual([
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
    expect(() => parseFeed({ text, modifiedAt: savedAt })).toThrow(FeedParseError);
    expect(() => parseFeed({ text, modifiedAt: savedAt })).toThrow(reason);
  });

  it('becomes an error that names the file, not a crash', () => {
    const batch = buildIngestBatch({ file: 'notes/todo.txt', hash: 'h', text: 'hello', modifiedAt: savedAt, seenAt: savedAt });
    expect(batch).toMatchObject({ format: null, papers: [], errors: [{ file: 'notes/todo.txt', message: 'not a recognised feed' }] });
  });

  it('a page dump whose last title lost its abstract keeps the good papers and names the skipped title', () => {
    const text = 'new\n\nMar 11\n\nTitle one\n\nAbstract one\n\nDangling title';
    const batch = buildIngestBatch({ file: 'cut.txt', hash: 'h', text, modifiedAt: savedAt, seenAt: savedAt });
    expect(batch.papers.map((paper) => paper.title)).toEqual(['Title one']);
    expect(batch.errors).toEqual([
      { file: 'cut.txt', message: 'the last title has no abstract and was skipped: "Dangling title"' },
    ]);
  });
});
