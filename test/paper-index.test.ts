import { beforeEach, describe, expect, it } from 'vitest';
import { normaliseTitle } from '../shared/normalize/title';
import { PaperIndex } from '../renderer/search/paper-index';
import { parseFile } from './parse-file';
import { SEED_FILES, SEEDS_DIR } from './shared-paths';

const seedPapers = parseFile(SEEDS_DIR + SEED_FILES[0]).papers;
let index: PaperIndex;
beforeEach(() => {
  index = new PaperIndex();
  index.upsert(seedPapers);
});

const id = (title: string) => `title:${normaliseTitle(title)}`;

describe('search over titles and abstracts', () => {
  it('finds a word wherever it stands, and ranks a title match first', () => {
    expect(index.search('SEG')[0]).toBe(id('Reasoning to Attend: Try to Understand How <SEG> Token Works'));
    expect(index.search('CLIPPINGS')).toEqual([id('Linking Representations with Multimodal Contrastive Learning')]);
  });

  it('narrows "tokenizer" to the papers about tokenizers', () => {
    const results = index.search('tokenizer');
    expect(results).toContain(id('Zero-Shot Tokenizer Transfer'));
    expect(results).not.toContain(id('Linking Representations with Multimodal Contrastive Learning'));
    expect(results.length).toBeLessThan(30);
  });

  it('needs every word of a multi-word query', () => {
    const both = index.search('tokenizer transfer');
    expect(both[0]).toBe(id('Zero-Shot Tokenizer Transfer'));
    expect(both.length).toBeLessThan(index.search('tokenizer').length);
    expect(index.search('tokenizer hashtags')).toEqual([]);
  });

  it('completes the word still being typed, and forgives a typo in a long word', () => {
    expect(index.search('zero-sh')).toContain(id('Zero-Shot Tokenizer Transfer'));
    expect(index.search('lexinvarient')).toContain(id('Lexinvariant Language Models'));
  });

  it('replaces a paper on upsert rather than indexing it twice', () => {
    const paperId = id('Zero-Shot Tokenizer Transfer');
    index.upsert([{ id: paperId, title: 'Renamed entirely', abstract: 'Nothing about the old words.', authors: [], categories: [], arxivId: null, published: null }]);
    expect(index.search('ZeTT')).not.toContain(paperId);
    expect(index.search('renamed')).toEqual([paperId]);
  });
});
