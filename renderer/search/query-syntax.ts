import { parseArxivRef } from '../../shared/normalize/arxiv-id';

/** What a search box query asks for. Every term is a search term: lower-cased and accent-folded. */
export interface ParsedQuery {
  /** Free words; all must match. */
  words: string[];
  /** "quoted phrases", each as its words in order. */
  phrases: string[][];
  /** `author:name` and `author:"First Last"` (or `au:`), each as its words. */
  authors: string[][];
  /** `cat:cs.CL`, as the user typed it; compare case-insensitively. */
  categories: string[];
  /** Words of `-term` and `-"phrase"`: papers containing any of them are left out. */
  excluded: string[];
  /** `-cat:cs.CV`: papers listed in any of these categories are left out. */
  excludedCategories: string[];
  /** arXiv ids pasted as id, `arXiv:` id or arxiv.org URL, without version. */
  arxivIds: string[];
  /** The query ends inside the last free word: the user is still typing it, so match it as a prefix. */
  lastWordIsPrefix: boolean;
}

/** Words are runs of letters and digits (with their combining marks): "<SEG>" is "SEG", "Text-to-Image" three words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ENDS_IN_WORD = /[\p{L}\p{M}\p{N}]$/u;

/** The words of a text, as they stand; the index tokenizes with this too. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The words of a text with where each starts (`match.index`). */
export function matchWords(text: string): IterableIterator<RegExpExecArray> {
  return text.matchAll(WORD);
}

const NON_ASCII = /[\u{80}-\u{10ffff}]/u;
const NONSPACING_MARKS = /\p{Mn}/gu;
/** Letters that NFD does not split into a base letter and a mark. */
const UNDECOMPOSED: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd' };
const UNDECOMPOSED_LETTERS = /[łøđħıßæœþð]/gu;

/** A word as a search term: lower case, accents dropped (Vulić → vulic, Paweł → pawel). Use it as the index's processTerm. */
export function normalizeTerm(word: string): string {
  const lower = word.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(NONSPACING_MARKS, '')
    .replace(UNDECOMPOSED_LETTERS, (letter) => UNDECOMPOSED[letter]!)
    .normalize('NFC');
}

/** The search terms of a text: its words, normalized, minus any that were only marks. */
export function searchTerms(text: string): string[] {
  return tokenize(text).map(normalizeTerm).filter((term) => term.length > 0);
}

interface Clause {
  negated: boolean;
  field: 'author' | 'cat' | null;
  quoted: boolean;
  value: string;
  /** Index just past the clause. */
  end: number;
}

const FIELD = /(author|au|cat):/iy;
const WHITESPACE = /\s/u;
const BARE_VALUE = /[^\s"]*/uy;
/** "arXiv: 2401.01234" is one pasted id, not the word "arxiv" and an id. */
const ARXIV_PREFIX_THEN_SPACE = /(\barxiv:)\s+(?=\d{4}\.\d|[a-z-]+\/\d)/giu;

/** Reads the search box: never throws, and a query's clauses are read left to right without backtracking. */
export function parseQuery(text: string): ParsedQuery {
  const query: ParsedQuery = {
    words: [],
    phrases: [],
    authors: [],
    categories: [],
    excluded: [],
    excludedCategories: [],
    arxivIds: [],
    lastWordIsPrefix: false,
  };
  const source = text.replace(ARXIV_PREFIX_THEN_SPACE, '$1');
  let position = 0;
  while (position < source.length) {
    if (WHITESPACE.test(source[position]!)) {
      position += 1;
      continue;
    }
    const clause = readClause(source, position);
    addClause(query, clause, clause.end === source.length);
    position = clause.end;
  }
  return query;
}

/** One clause starting at a non-space character: `[-][field:]value` or `[-][field:]"quoted value"`. */
function readClause(text: string, start: number): Clause {
  let position = start;
  const negated = text[position] === '-' && position + 1 < text.length && !WHITESPACE.test(text[position + 1]!);
  if (negated) position += 1;

  FIELD.lastIndex = position;
  const field = FIELD.exec(text);
  if (field) position = FIELD.lastIndex;
  const fieldName = field ? (field[1]!.toLowerCase() === 'cat' ? 'cat' : 'author') : null;

  if (text[position] === '"') {
    const close = text.indexOf('"', position + 1);
    const end = close < 0 ? text.length : close + 1;
    return { negated, field: fieldName, quoted: true, value: text.slice(position + 1, close < 0 ? end : close), end };
  }
  BARE_VALUE.lastIndex = position;
  const value = BARE_VALUE.exec(text)![0];
  return { negated, field: fieldName, quoted: false, value, end: position + value.length };
}

function addClause(query: ParsedQuery, clause: Clause, reachesEnd: boolean): void {
  query.lastWordIsPrefix = false;
  if (clause.field === 'cat') {
    const category = clause.value.trim();
    if (category) (clause.negated ? query.excludedCategories : query.categories).push(category);
    return;
  }
  const terms = searchTerms(clause.value);
  if (clause.negated) query.excluded.push(...terms);
  else if (clause.field === 'author') pushIfAny(query.authors, terms);
  else if (clause.quoted) pushIfAny(query.phrases, terms);
  else {
    const arxivId = pastedArxivId(clause.value);
    if (arxivId) query.arxivIds.push(arxivId);
    else {
      query.words.push(...terms);
      query.lastWordIsPrefix = reachesEnd && endsInTerm(clause.value);
    }
  }
}

function pushIfAny(list: string[][], terms: string[]): void {
  if (terms.length > 0) list.push(terms);
}

/** The text's last character belongs to a word that is a search term, so that word is still being typed. */
function endsInTerm(text: string): boolean {
  return ENDS_IN_WORD.test(text) && normalizeTerm(tokenize(text).at(-1)!) !== '';
}

const SURROUNDING_PUNCTUATION = /^[([<']+|[)\]>,;.:']+$/gu;
const NEW_STYLE_ID = /^(\d{4})\.(\d{4,5})$/u;

/** The arXiv id a pasted chunk names, or null; new-style ids must be real ones (month 01–12, 5 digits from 1501 on). */
function pastedArxivId(chunk: string): string | null {
  const ref = parseArxivRef(chunk) ?? parseArxivRef(chunk.replace(SURROUNDING_PUNCTUATION, ''));
  if (!ref) return null;
  const newStyle = NEW_STYLE_ID.exec(ref.id);
  if (!newStyle) return ref.id;
  const yearMonth = Number(newStyle[1]);
  const month = yearMonth % 100;
  const validNumber = newStyle[2]!.length === (yearMonth >= 1501 ? 5 : 4);
  return yearMonth >= 704 && month >= 1 && month <= 12 && validNumber ? ref.id : null;
}
