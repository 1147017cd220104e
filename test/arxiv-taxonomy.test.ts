import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_ORDER, CATEGORY_CODES, archiveOf, categoryName, describeCategory } from '../shared/arxiv-taxonomy';
import { HAS_SHARED, missingShared, SHARED_DIR } from './shared-paths';

/**
 * arXiv's category syntax: archive.SUBJECT (cs.CL, q-bio.NC), archive.sub-class (cond-mat.mes-hall, physics.optics),
 * or a bare archive. Every bare archive arXiv has used as a category is hyphenated (astro-ph, hep-th, q-bio, cmp-lg,
 * ...), which keeps placeholders such as 'na' and 'null' in the corpus from passing for one.
 */
const ARXIV_CATEGORY = /^(?:[a-z]+(?:-[a-z]+)?\.(?:[A-Z]{2}|[a-z]+(?:-[a-z]+)?)|[a-z]+-[a-z]+)$/u;
const ACM_CLASS = /^[A-K]\.[0-9m]/u;
const MSC_CLASS = /^[0-9]{2}[A-Z-]/u;

const REAL_FEEDS = `${SHARED_DIR}feeds/real/`;
const CORPUS_PARTS = ['papers-00.jsonl.gz', 'papers-01.jsonl.gz'].map((name) => `${SHARED_DIR}corpus/${name}`);
const JSON_CATEGORY_KEYS = new Set(['categories', 'category', 'primary_category', 'term']);

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/gu, (_, entity: string) =>
    entity.startsWith('#') ? String.fromCodePoint(Number(entity.slice(1).replace(/^x/u, '0x'))) : XML_ENTITIES[entity]!,
  );

/** OAI-PMH <categories> lists, Atom category terms, RSS <category> text, and the codes in an rss.arxiv.org feed URL. */
function categoriesInText(text: string): string[] {
  return [
    ...[...text.matchAll(/<categories>([^<]*)<\/categories>/gu)].flatMap(([, list]) => list!.trim().split(/\s+/u)),
    ...[...text.matchAll(/<(?:arxiv:primary_)?category\b[^>]*\bterm="([^"]*)"/gu)].map(([, term]) => term!),
    ...[...text.matchAll(/<category\b[^>]*>([^<]*)<\/category>/gu)].map(([, body]) => body!),
    ...[...text.matchAll(/rss\.arxiv\.org\/rss\/([A-Za-z.+-]+)/gu)].flatMap(([, list]) => list!.split('+')),
  ].map(decodeXml);
}

/** The strings under category-like keys anywhere in parsed JSON (daily listings, feedparser caches). */
function categoriesInJson(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return JSON_CATEGORY_KEYS.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => categoriesInJson(item, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([name, item]) => categoriesInJson(item, name));
  return [];
}

function categoriesInRealFeeds(): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  for (const file of readdirSync(REAL_FEEDS, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(xml|json|jsonl)$/u.test(name)).sort()) {
    const text = readFileSync(REAL_FEEDS + file, 'utf8');
    const codes = categoriesInText(text);
    if (file.endsWith('.json')) codes.push(...categoriesInJson(JSON.parse(text)));
    if (file.endsWith('.jsonl')) codes.push(...text.split('\n').filter((line) => line.trim() !== '').flatMap((line) => categoriesInJson(JSON.parse(line))));
    byFile.set(file, new Set(codes.map((code) => code.trim()).filter((code) => code !== '')));
  }
  return byFile;
}

async function categoriesInCorpus(): Promise<{ records: number; codes: Set<string> }> {
  const codes = new Set<string>();
  let records = 0;
  for (const part of CORPUS_PARTS) {
    for await (const line of createInterface({ input: createReadStream(part).pipe(createGunzip()), crlfDelay: Infinity })) {
      records += 1;
      for (const code of (JSON.parse(line) as { categories: string[] }).categories) codes.add(code.trim());
    }
  }
  return { records, codes };
}

const feeds = HAS_SHARED ? categoriesInRealFeeds() : new Map<string, Set<string>>();
const corpus = HAS_SHARED ? await categoriesInCorpus() : { records: 0, codes: new Set<string>() };
const realCodes = [...new Set([...[...feeds.values()].flatMap((codes) => [...codes]), ...corpus.codes])].sort();
const categoryLike = realCodes.filter((code) => ARXIV_CATEGORY.test(code));
const notCategories = realCodes.filter((code) => !ARXIV_CATEGORY.test(code));

describe.skipIf(missingShared('the arXiv taxonomy is checked on every real feed and the corpus in ../shared'))('the arXiv taxonomy on real data', () => {
  it('reads the categories of every real feed that has them, and of the whole corpus', () => {
    const filesWithCategories = [...feeds].filter(([, codes]) => codes.size > 0).map(([file]) => file.split('/')[0]);
    expect(new Set(filesWithCategories)).toEqual(new Set(['StringologyTimes', 'arxiv-rss-filter', 'arxivXMLParser', 'daily-arXiv-ai-enhanced']));
    expect(corpus.records).toBe(184_301);
    expect(categoryLike.length).toBeGreaterThan(150);
  });

  it('names every arXiv category that occurs in the real feeds and the corpus', () => {
    expect(categoryLike.filter((code) => categoryName(code) === null)).toEqual([]);
    expect(categoryLike.filter((code) => archiveOf(code) === 'Other')).toEqual([]);
  });

  it('names none of the ACM classes, MSC classes and free text that real data puts among the categories', () => {
    expect(notCategories.filter((code) => ACM_CLASS.test(code)).length).toBeGreaterThan(0);
    expect(notCategories.filter((code) => MSC_CLASS.test(code)).length).toBeGreaterThan(0);
    expect(notCategories.filter((code) => !ACM_CLASS.test(code) && !MSC_CLASS.test(code)).length).toBeGreaterThan(0);
    expect(notCategories.filter((code) => categoryName(code) !== null)).toEqual([]);
    expect(notCategories.filter((code) => archiveOf(code) !== 'Other')).toEqual([]);
    expect(notCategories.filter((code) => describeCategory(code) !== code)).toEqual([]);
  });
});

describe('the arXiv taxonomy', () => {
  it('names categories, aliases and retired archives as arXiv does', () => {
    expect(categoryName('cs.CL')).toBe('Computation and Language');
    expect(categoryName('hep-th')).toBe('High Energy Physics - Theory');
    expect(categoryName('astro-ph.CO')).toBe('Cosmology and Nongalactic Astrophysics');
    expect(categoryName('cond-mat.mes-hall')).toBe('Mesoscale and Nanoscale Physics');
    expect(categoryName('math.IT')).toBe(categoryName('cs.IT'));
    expect(categoryName('math.IT')).toBe('Information Theory');
    expect(categoryName('stat.TH')).toBe(categoryName('math.ST'));
    expect(categoryName('math.MP')).toBe(categoryName('math-ph'));
    expect(categoryName('eess.SY')).toBe(categoryName('cs.SY'));
    expect(categoryName('cmp-lg')).toBe('Computation and Language');
    expect(categoryName('solv-int')).toBe('Exactly Solvable and Integrable Systems');
  });

  it('names nothing that is not a category', () => {
    const notCodes = ['I.2.7', '68T50', 'cs', 'math', 'physics', 'cs.cl', 'CS.CL', ' cs.CL', 'cs.XX', 'na', 'null', '', 'constructor', '__proto__'];
    for (const code of notCodes) {
      expect(categoryName(code), code).toBeNull();
      expect(archiveOf(code), code).toBe('Other');
    }
  });

  it('lists each category under its archive, retired archives under the one that subsumed them', () => {
    const archives: Record<string, string> = {
      'cs.CL': 'Computer Science',
      'cmp-lg': 'Computer Science',
      'math.AG': 'Mathematics',
      'math.IT': 'Mathematics',
      'alg-geom': 'Mathematics',
      'astro-ph': 'Astrophysics',
      'astro-ph.CO': 'Astrophysics',
      'cond-mat.str-el': 'Condensed Matter',
      'supr-con': 'Condensed Matter',
      'gr-qc': 'General Relativity and Quantum Cosmology',
      'hep-lat': 'High Energy Physics',
      'math-ph': 'Mathematical Physics',
      'nlin.CD': 'Nonlinear Sciences',
      'chao-dyn': 'Nonlinear Sciences',
      'nucl-th': 'Nuclear Physics',
      'physics.optics': 'Physics',
      'bayes-an': 'Physics',
      'quant-ph': 'Quantum Physics',
      'q-bio.NC': 'Quantitative Biology',
      'q-fin.ST': 'Quantitative Finance',
      'stat.ML': 'Statistics',
      'eess.SP': 'Electrical Engineering and Systems Science',
      'econ.EM': 'Economics',
    };
    expect(Object.fromEntries(Object.keys(archives).map((code) => [code, archiveOf(code)]))).toEqual(archives);
  });

  it('orders every archive a category can be under, with Other last', () => {
    const used = new Set(CATEGORY_CODES.map(archiveOf));
    expect([...used].filter((archive) => !ARCHIVE_ORDER.includes(archive))).toEqual([]);
    expect(ARCHIVE_ORDER.filter((archive) => archive !== 'Other' && !used.has(archive))).toEqual([]);
    expect(ARCHIVE_ORDER.at(-1)).toBe('Other');
    expect(new Set(ARCHIVE_ORDER).size).toBe(ARCHIVE_ORDER.length);
  });

  it('writes every code in the table in arXiv’s category syntax', () => {
    expect(CATEGORY_CODES.filter((code) => !ARXIV_CATEGORY.test(code))).toEqual([]);
    expect(new Set(CATEGORY_CODES).size).toBe(CATEGORY_CODES.length);
  });

  it('describes a category by code and name, or by its code alone', () => {
    expect(describeCategory('cs.CL')).toBe('cs.CL — Computation and Language');
    expect(describeCategory('I.2.7')).toBe('I.2.7');
  });
});
