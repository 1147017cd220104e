import type { RawRecord } from '../../shared/feeds/raw-record';
import type { FeedFormat } from '../../shared/paper';
import type { ParseOutcome } from './dispatch';
import type { CaseOutcome } from './outcomes';
import { parsePythonExpression, UntranslatableExpression, type Expression } from './python-expression';

/** A feedparser field Paperdrop does not model: the check is skipped, not failed. */
class Unmodelled extends Error {}
/** A modelled field Paperdrop left empty: Python would raise KeyError, and the check fails. */
class Missing extends Error {}

/** A feedparser dict, answered from a RawRecord: keys it lists are modelled, the rest are skipped. */
class View {
  constructor(
    readonly path: string,
    readonly values: Record<string, unknown>,
  ) {}

  get(key: string): unknown {
    if (!(key in this.values)) throw new Unmodelled(`${this.path}['${key}'] is not modelled by RawRecord`);
    const value = this.values[key];
    if (value === undefined) throw new Missing(`${this.path}['${key}'] is empty`);
    return value;
  }
}

/** An entry's id or guid: Paperdrop keeps every identifier, so "equals" means "is one of them". */
class OneOf {
  constructor(readonly values: string[]) {}
}

/** feedparser's `version` against the format the detectors chose. */
class DetectedFormat {
  constructor(readonly format: FeedFormat | null) {}
}

const FORMAT_OF_VERSION: Record<string, FeedFormat> = {
  rss090: 'rdf',
  rss10: 'rdf',
  rss091u: 'rss',
  rss091n: 'rss',
  rss092: 'rss',
  rss093: 'rss',
  rss094: 'rss',
  rss20: 'rss',
  rss: 'rss',
  atom03: 'atom',
  atom10: 'atom',
  atom: 'atom',
  json1: 'json-feed',
  json11: 'json-feed',
};

/**
 * Judges one `Expect:` line against what the generic parsers read. Each `and`-joined part is a
 * check: any failing part fails the case; otherwise any part about a field Paperdrop does not
 * model (or a positive `bozo`, since Paperdrop has no "recovered" flag) skips it.
 */
export function judgeExpectation(expect: string, outcome: ParseOutcome): Omit<CaseOutcome, 'name'> {
  let expression: Expression;
  try {
    expression = parsePythonExpression(expect);
  } catch (error) {
    if (error instanceof UntranslatableExpression) return { status: 'skip', reason: `untranslatable expression (${error.message})` };
    throw error;
  }
  if (expression.kind === 'literal') return { status: 'skip', reason: 'the expectation is a constant' };
  const scope = feedparserScope(outcome);
  const parts = expression.kind === 'and' ? expression.operands : [expression];
  const failures: string[] = [];
  const skips: string[] = [];
  for (const part of parts) {
    const unmodelled = unmodelledField(part);
    if (unmodelled !== null) {
      skips.push(unmodelled);
      continue;
    }
    try {
      if (!truthy(evaluate(part, scope))) failures.push(describeFailure(part, scope));
    } catch (error) {
      if (error instanceof Unmodelled) skips.push(error.message);
      else if (error instanceof Missing) failures.push(error.message);
      else throw error;
    }
  }
  if (failures.length > 0) {
    const unread = outcome.ok ? [] : [`the file was not read: ${outcome.error}`];
    return { status: 'fail', reason: [...new Set([...unread, ...failures])].join('; ') };
  }
  if (skips.length > 0) return { status: 'skip', reason: [...new Set(skips)].join('; ') };
  return { status: 'pass' };
}

/** What an entry view answers, and for the dict-valued keys, which of their keys. */
const ENTRY_KEYS: Record<string, readonly string[] | null> = {
  title: null,
  title_detail: ['value'],
  summary: null,
  description: null,
  summary_detail: ['value'],
  content: ['value'],
  link: null,
  id: null,
  guid: null,
  author: null,
  author_detail: ['name'],
  authors: ['name'],
  published: null,
  published_parsed: null,
  updated: null,
  updated_parsed: null,
  tags: ['term'],
  category: null,
};

/**
 * Why a check cannot be translated, found before evaluating it: a positive `bozo` (Paperdrop
 * has no "read, but had to recover" flag) or an entry field RawRecord does not model. Checked
 * up front so that a check on, say, an enclosure of an item Paperdrop did not read is skipped
 * rather than failed.
 */
function unmodelledField(part: Expression): string | null {
  if (part.kind === 'name' && part.name === 'bozo') return 'bozo: Paperdrop has no "read, but had to recover" flag';
  for (const path of entryPaths(part)) {
    const [key, subKey] = path;
    if (key === undefined) continue;
    const subKeys = ENTRY_KEYS[key];
    if (subKeys === undefined) return `entries[…]['${key}'] is not modelled by RawRecord`;
    if (subKey !== undefined && !subKeys?.includes(subKey)) return `entries[…]['${key}']['${subKey}'] is not modelled by RawRecord`;
  }
  return null;
}

/** The string keys of every `entries[n]…` access in the expression: `entries[0]['tags'][1]['term']` gives tags, term. */
function entryPaths(expression: Expression): string[][] {
  const paths: string[][] = [];
  const visit = (node: Expression) => {
    const path = accessPath(node);
    if (path?.[0] === 'entries') paths.push(path.slice(1).filter((key): key is string => typeof key === 'string'));
    for (const child of childrenOf(node)) visit(child);
  };
  visit(expression);
  return paths;
}

function accessPath(node: Expression): (string | number)[] | null {
  if (node.kind === 'name') return [node.name];
  if (node.kind === 'index') {
    const target = accessPath(node.target);
    const key = node.key.kind === 'literal' ? node.key.value : undefined;
    return target && (typeof key === 'string' || typeof key === 'number') ? [...target, key] : null;
  }
  if (node.kind === 'attribute') return node.name === 'get' || node.name === 'has_key' ? null : appendTo(accessPath(node.target), node.name);
  if (node.kind === 'call' && node.callee.kind === 'attribute' && ['get', 'has_key'].includes(node.callee.name)) {
    const key = node.args[0]?.kind === 'literal' ? node.args[0].value : undefined;
    return typeof key === 'string' ? appendTo(accessPath(node.callee.target), key) : null;
  }
  return null;
}

function appendTo(path: (string | number)[] | null, key: string): (string | number)[] | null {
  return path ? [...path, key] : null;
}

function childrenOf(node: Expression): Expression[] {
  switch (node.kind) {
    case 'index':
      return [node.target, node.key];
    case 'attribute':
      return [node.target];
    case 'call':
      return [node.callee, ...node.args];
    case 'tuple':
      return node.items;
    case 'dict':
      return node.entries.flat();
    case 'not':
      return [node.operand];
    case 'and':
    case 'or':
    case 'compare':
      return node.operands;
    default:
      return [];
  }
}

function feedparserScope(outcome: ParseOutcome): Record<string, unknown> {
  return {
    bozo: !outcome.ok,
    version: new DetectedFormat(outcome.format),
    entries: outcome.ok ? outcome.records.map((record, index) => entryView(record, `entries[${index}]`)) : [],
  };
}

function entryView(record: RawRecord, path: string): View {
  const authors = typeof record.authors === 'string' ? [record.authors] : record.authors.map((author) => author.name);
  const abstract = record.abstract ?? undefined;
  // feedparser answers `updated` with `published` when an entry has no update date.
  const updated = record.updated ?? record.published;
  return new View(path, {
    title: record.title,
    title_detail: new View(`${path}['title_detail']`, { value: record.title }),
    summary: abstract,
    description: abstract,
    summary_detail: abstract === undefined ? undefined : new View(`${path}['summary_detail']`, { value: abstract }),
    content: abstract === undefined ? undefined : [new View(`${path}['content'][0]`, { value: abstract })],
    link: record.link ?? undefined,
    id: record.identifiers.length > 0 ? new OneOf(record.identifiers) : undefined,
    guid: record.identifiers.length > 0 ? new OneOf(record.identifiers) : undefined,
    author: authors[0],
    author_detail: authors[0] === undefined ? undefined : new View(`${path}['author_detail']`, { name: authors[0] }),
    authors: authors.map((name, index) => new View(`${path}['authors'][${index}]`, { name })),
    published: record.published ?? undefined,
    published_parsed: record.published === null ? undefined : structTime(record.published),
    updated: updated ?? undefined,
    updated_parsed: updated === null ? undefined : structTime(updated),
    tags: record.categories.map((term, index) => new View(`${path}['tags'][${index}]`, { term })),
    category: record.categories[0],
  });
}

/** Python's time.struct_time in UTC, as feedparser's *_parsed fields hold it. */
function structTime(raw: string): unknown {
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) return `unparseable date "${raw}"`;
  const startOfYear = Date.UTC(date.getUTCFullYear(), 0, 1);
  const yearDay = Math.floor((date.getTime() - startOfYear) / 86_400_000) + 1;
  return [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    (date.getUTCDay() + 6) % 7,
    yearDay,
    0,
  ];
}

type BoundMethod = { method: 'get' | 'has_key'; view: View };

function evaluate(expression: Expression, scope: Record<string, unknown>): unknown {
  switch (expression.kind) {
    case 'literal':
      return expression.value;
    case 'name':
      if (expression.name === 'feed') throw new Unmodelled('feed-level fields are not modelled: Paperdrop keeps entries only');
      if (expression.name === 'encoding') throw new Unmodelled('encoding: see decode tests');
      if (expression.name === 'bozo' || expression.name === 'version' || expression.name === 'entries') return scope[expression.name];
      if (expression.name === 'len') return 'len';
      throw new Unmodelled(`the name ${expression.name} is not modelled`);
    case 'index':
      return index(evaluate(expression.target, scope), evaluate(expression.key, scope));
    case 'attribute': {
      const target = evaluate(expression.target, scope);
      if (!(target instanceof View)) throw new Unmodelled(`attribute .${expression.name} is not modelled`);
      if (expression.name === 'get' || expression.name === 'has_key') return { method: expression.name, view: target } satisfies BoundMethod;
      return target.get(expression.name);
    }
    case 'call':
      return call(evaluate(expression.callee, scope), expression.args.map((arg) => evaluate(arg, scope)));
    case 'tuple':
      return expression.items.map((item) => evaluate(item, scope));
    case 'dict':
      return Object.fromEntries(expression.entries.map(([key, value]) => [String(evaluate(key, scope)), evaluate(value, scope)]));
    case 'not':
      return !truthy(evaluate(expression.operand, scope));
    case 'and':
      return expression.operands.every((operand) => truthy(evaluate(operand, scope)));
    case 'or':
      return expression.operands.some((operand) => truthy(evaluate(operand, scope)));
    case 'compare': {
      const values = expression.operands.map((operand) => evaluate(operand, scope));
      return expression.operators.every((operator, i) => pythonEquals(values[i], values[i + 1]) === (operator === '=='));
    }
  }
}

function index(target: unknown, key: unknown): unknown {
  if (target instanceof View && typeof key === 'string') return target.get(key);
  if (Array.isArray(target) && typeof key === 'number') {
    if (key >= target.length) throw new Missing(`there is no item ${key} (${target.length} in all)`);
    return target[key];
  }
  throw new Unmodelled(`indexing ${describe(target)} with ${JSON.stringify(key)} is not modelled`);
}

function call(callee: unknown, args: unknown[]): unknown {
  if (callee === 'len') {
    const [value] = args;
    if (Array.isArray(value) || typeof value === 'string') return value.length;
    throw new Unmodelled('len() of this value is not modelled');
  }
  const bound = callee as BoundMethod;
  if (typeof bound === 'object' && bound !== null && 'method' in bound) {
    const key = String(args[0]);
    try {
      const value = bound.view.get(key);
      return bound.method === 'has_key' ? true : value;
    } catch (error) {
      if (error instanceof Missing) return bound.method === 'has_key' ? false : (args[1] ?? null);
      throw error;
    }
  }
  throw new Unmodelled('this call is not modelled');
}

function pythonEquals(left: unknown, right: unknown): boolean {
  if (left instanceof OneOf) return typeof right === 'string' && left.values.includes(right);
  if (right instanceof OneOf || right instanceof DetectedFormat) return pythonEquals(right, left);
  if (left instanceof DetectedFormat) return typeof right === 'string' && left.format !== null && FORMAT_OF_VERSION[right] === left.format;
  if (left instanceof View || right instanceof View) throw new Unmodelled('comparing a whole dict is not modelled');
  if (Array.isArray(left) && Array.isArray(right)) return left.length === right.length && left.every((item, i) => pythonEquals(item, right[i]));
  return left === right;
}

function truthy(value: unknown): boolean {
  if (Array.isArray(value) || typeof value === 'string') return value.length > 0;
  return value !== null && value !== undefined && value !== false && value !== 0;
}

function describeFailure(part: Expression, scope: Record<string, unknown>): string {
  if (part.kind === 'compare') {
    const values = part.operands.map((operand) => evaluate(operand, scope));
    return `got ${values.map(describe).join(' vs ')}`;
  }
  return part.kind === 'not' && part.operand.kind === 'name' ? `${part.operand.name} is true` : 'the check is false';
}

function describe(value: unknown): string {
  if (value instanceof OneOf) return `one of ${JSON.stringify(value.values)}`;
  if (value instanceof DetectedFormat) return `format ${String(value.format)}`;
  if (value instanceof View) return value.path;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}
