import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categoryName } from '../shared/arxiv-taxonomy';
import { mergeCatalog } from '../shared/merge';
import { classify } from '../shared/normalize/classification';
import { parseFile } from './parse-file';
import { missingShared, SHARED_DIR } from './shared-paths';

const REAL = `${SHARED_DIR}feeds/real/`;
const realFiles = () =>
  readdirSync(REAL, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath}/${entry.name}`);
const NO_REAL_FEEDS = missingShared('classification counts the categories of every real feed in ../shared/feeds/real');

describe('sorting out what feeds call categories', () => {
  it.each([
    [['cs.CL', 'cs.AI'], ['cs.CL', 'cs.AI'], []],
    [['cs.CV, cs.MM'], ['cs.CV', 'cs.MM'], []],
    [['math.CO cs.DM'], ['math.CO', 'cs.DM'], []],
    [['68P05 (Primary)', 'Primary 68R15, Secondary 05C05'], [], ['68P05', '68R15', '05C05']],
    [['F.2.2; E.1', 'I.2.7'], [], ['F.2.2', 'E.1', 'I.2.7']],
    [['null', 'na', 'N/A', 'Computer Science', 'Doctor of Engineering', '研究兴趣包括自然语言处理和计算机视觉'], [], []],
    [['hep-th', 'math.IT', 'cmp-lg'], ['hep-th', 'math.IT', 'cmp-lg'], []],
  ])('%j: categories %j, classes %j', (values, categories, classes) => {
    expect(classify(values)).toEqual({ categories, classes });
  });

  it.skipIf(NO_REAL_FEEDS)('leaves no junk category in the real feeds: every one is arXiv’s, and the classes are MSC or ACM codes', () => {
    const papers = mergeCatalog(realFiles().flatMap((file) => parseFile(file).papers));
    const categories = new Set(papers.flatMap((paper) => paper.categories));
    expect([...categories].filter((category) => categoryName(category) === null)).toEqual([]);
    // The real feeds hold about 142 arXiv categories beside some 240 free-text and other entries.
    expect(categories.size).toBeGreaterThan(120);
    expect(categories.size).toBeLessThan(180);
    const classes = new Set(papers.flatMap((paper) => paper.classes));
    expect(classes.size).toBeGreaterThan(0);
    expect(papers.every((paper) => paper.primaryCategory === null || categoryName(paper.primaryCategory) !== null)).toBe(true);
  }, 60_000);
});
