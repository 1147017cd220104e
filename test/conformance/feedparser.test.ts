import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, missingShared, SHARED_DIR } from '../shared-paths';
import { parseWithGenericParsers, readFeedText } from './dispatch';
import { FEEDPARSER_DIVERGENCES } from './known-divergences';
import { judgeExpectation } from './feedparser-expect';
import { PASS_RATE_FLOORS } from './floors';
import { summarise, type CaseOutcome } from './outcomes';

const TESTS_DIR = `${SHARED_DIR}fixtures/feedparser/tests/`;
const FOLDERS = ['wellformed/rss', 'wellformed/atom10', 'wellformed/rdf', 'wellformed/namespace', 'wellformed/base', 'illformed', 'illformed/chardet', 'illformed/geo', 'encoding'];
/** feedparser's tests/helpers.py reads the expectation out of the leading comment the same way. */
const DESCRIPTION_AND_EXPECT = /Description:\s*(.*?)\s*Expect:\s*(.*?)\s*-->/su;

function runCase(relativePath: string): CaseOutcome {
  const text = readFeedText(TESTS_DIR + relativePath);
  const expect = DESCRIPTION_AND_EXPECT.exec(text)?.[2];
  if (expect === undefined) return { name: relativePath, status: 'skip', reason: 'no Expect: comment after decoding' };
  const outcome = parseWithGenericParsers(text);
  if (!outcome.ok && outcome.crashed) return { name: relativePath, status: 'fail', reason: `crashed: ${outcome.error}` };
  const judged = judgeExpectation(expect, outcome);
  const divergence = FEEDPARSER_DIVERGENCES[relativePath];
  if (judged.status === 'fail' && divergence) return { name: relativePath, status: 'skip', reason: `${divergence} (${judged.reason})` };
  return { name: relativePath, ...judged };
}

const files = HAS_SHARED
  ? FOLDERS.flatMap((folder) =>
      readdirSync(TESTS_DIR + folder)
        .filter((name) => /\.(xml|rss|atom|rdf)$/u.test(name))
        .map((name) => `${folder}/${name}`),
    )
  : [];

describe.skipIf(missingShared('the feedparser conformance suite is in ../shared/fixtures'))('feedparser fixtures through the generic parsers', () => {
  const outcomes = files.map(runCase);
  const summary = summarise('feedparser', outcomes);

  it('finds every selected fixture', () => {
    expect(files.length).toBe(252);
  });

  it('never crashes: each file is read or rejected with a FeedParseError', () => {
    expect(outcomes.filter((outcome) => outcome.reason?.startsWith('crashed:'))).toEqual([]);
  });

  it(`keeps the pass rate at or above ${PASS_RATE_FLOORS.feedparser}`, () => {
    console.log(summary.report);
    expect(summary.passed).toBeGreaterThan(0);
    expect(summary.passRate).toBeGreaterThanOrEqual(PASS_RATE_FLOORS.feedparser);
  });
});
