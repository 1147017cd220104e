import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../../shared/feeds/raw-record';
import { HAS_SHARED, missingShared, SHARED_DIR } from '../shared-paths';
import { parseWithGenericParsers, readFeedText } from './dispatch';
import { PASS_RATE_FLOORS } from './floors';
import { RSS_PARSER_DIVERGENCES } from './known-divergences';
import { summarise, type CaseOutcome } from './outcomes';

const FIXTURES = `${SHARED_DIR}fixtures/rss-parser/test/`;
/** rss-parser's harness expects this one to throw "Feed not recognized as RSS". */
const MUST_REJECT = 'unrecognized.rss';

interface GoldenItem {
  title?: unknown;
  link?: unknown;
  content?: unknown;
  'content:encoded'?: unknown;
}

/**
 * A golden value as text. xml2js gives an element with attributes as `{ _: text, $: attributes }`,
 * and keeps CRLF, which XML parsers must read as LF (XML 1.0 §2.11).
 */
function text(value: unknown): string | null {
  const raw = typeof value === 'object' && value !== null && '_' in value ? (value as { _: unknown })._ : value;
  return typeof raw === 'string' ? raw.replace(/\r\n?/gu, '\n').trim() : null;
}

/** One check over all items: each golden value the field has must equal what Paperdrop read for that item. */
function compareField(
  name: string,
  golden: GoldenItem[],
  records: RawRecord[],
  expected: (item: GoldenItem) => string | null,
  actual: (record: RawRecord) => string | null,
): CaseOutcome {
  const pairs = golden.flatMap((item, index) => {
    const value = expected(item);
    return value === null || value === '' ? [] : [{ index, value, got: records[index] ? actual(records[index]) : undefined }];
  });
  if (pairs.length === 0) return { name, status: 'skip', reason: 'the golden file has no such values' };
  const wrong = pairs.find(({ value, got }) => got?.trim() !== value);
  if (!wrong) return { name, status: 'pass' };
  const got = wrong.got === undefined ? 'no record' : JSON.stringify(wrong.got?.slice(0, 120));
  return { name, status: 'fail', reason: `item ${wrong.index}: expected ${JSON.stringify(wrong.value.slice(0, 120))}, got ${got}` };
}

function runFixture(input: string): CaseOutcome[] {
  const outcome = parseWithGenericParsers(readFeedText(`${FIXTURES}input/${input}`));
  if (input === MUST_REJECT) {
    return [{ name: `${input}: rejected`, status: outcome.ok ? 'fail' : 'pass', reason: outcome.ok ? `read as ${outcome.format}` : outcome.error }];
  }
  const goldenPath = `${FIXTURES}output/${input.replace(/\.[a-z]+$/u, '.json')}`;
  if (!existsSync(goldenPath)) return [{ name: input, status: 'skip', reason: 'no golden output file' }];
  // rss-parser's harness reads encoding.rss over HTTP as latin1, and wrote its golden file so.
  const goldenText = readFileSync(goldenPath, input === 'encoding.rss' ? 'latin1' : 'utf8');
  const golden = (JSON.parse(goldenText) as { feed: { items?: GoldenItem[] } }).feed.items ?? [];
  if (!outcome.ok) return [{ name: input, status: 'fail', reason: `not read: ${outcome.error}` }];
  const { records } = outcome;
  return [
    records.length === golden.length
      ? { name: `${input}: count`, status: 'pass' }
      : { name: `${input}: count`, status: 'fail', reason: `${records.length} entries, golden file has ${golden.length}` },
    compareField(`${input}: titles`, golden, records, (item) => text(item.title), (record) => record.title),
    compareField(`${input}: links`, golden, records, (item) => text(item.link), (record) => record.link),
    compareField(`${input}: content`, golden, records, (item) => text(item['content:encoded']) ?? text(item.content), (record) => record.abstract),
  ];
}

const inputs = HAS_SHARED ? readdirSync(`${FIXTURES}input`).sort() : [];

function withKnownDivergence(outcome: CaseOutcome): CaseOutcome {
  const divergence = RSS_PARSER_DIVERGENCES[outcome.name];
  return outcome.status === 'fail' && divergence ? { ...outcome, status: 'skip', reason: `${divergence} (${outcome.reason})` } : outcome;
}

describe.skipIf(missingShared('the rss-parser golden-file suite is in ../shared/fixtures'))('rss-parser golden files through the generic parsers', () => {
  const outcomes = inputs.flatMap(runFixture).map(withKnownDivergence);
  const summary = summarise('rss-parser', outcomes);

  it('finds every input feed', () => {
    expect(inputs.length).toBe(30);
  });

  it('rejects the feed rss-parser does not recognise', () => {
    expect(outcomes.find((outcome) => outcome.name === `${MUST_REJECT}: rejected`)?.status).toBe('pass');
  });

  it(`keeps the pass rate at or above ${PASS_RATE_FLOORS.rssParser}`, () => {
    console.log(summary.report);
    expect(summary.passed).toBeGreaterThan(0);
    expect(summary.passRate).toBeGreaterThanOrEqual(PASS_RATE_FLOORS.rssParser);
  });
});
