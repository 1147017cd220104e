import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This folder, test/. (Not by `new URL`: under jsdom the global URL resolves against the page, http://localhost.) */
const TEST_DIR = `${dirname(fileURLToPath(import.meta.url))}/`;

/**
 * The repository's own test data, test/fixtures/. Under `feeds/` are copies of the small files of ../shared/feeds
 * (seeds, samples, a few real feeds whole and excerpts of larger ones), laid out as there; under `parser-suites/`
 * the handful of third-party parser test files the unit tests read, laid out as in ../shared/fixtures.
 * `feeds/README.md` gives each file's source and licence; `test/fixture-copies.ts` says how each was made.
 */
export const FIXTURES_DIR = `${TEST_DIR}fixtures/`;
export const FEEDS_DIR = `${FIXTURES_DIR}feeds/`;
export const SEEDS_DIR = `${FEEDS_DIR}seeds/`;
export const SAMPLES_DIR = `${FEEDS_DIR}samples/`;
export const REAL_DIR = `${FEEDS_DIR}real/`;
export const PARSER_SUITES_DIR = `${FIXTURES_DIR}parser-suites/`;
export const SEED_FILES = ['000_0d76c9f6c8fe1248.txt', '003_8ae63c15b5b2dd6b.txt'] as const;

/** A file under test/fixtures/ (e.g. `feeds/samples/arxiv-rss2-2024.xml`), as text. */
export const readFixture = (path: string): string => readFileSync(FIXTURES_DIR + path, 'utf8');

/**
 * ../shared beside the repository: every real feed whole, the 184k-record corpus and the third-party parser
 * conformance suites. A clone without it runs the tests on test/fixtures/ and skips the suites that need it;
 * CI has it and runs everything (test/require-shared.ts fails the run when CI lacks it).
 */
export const SHARED_DIR = `${resolve(TEST_DIR, '../../shared')}/`;
export const HAS_SHARED = ['feeds/real', 'fixtures', 'corpus'].every((dir) => existsSync(SHARED_DIR + dir));

/** A file under ../shared, as text; only for suites that skip without it. */
export const readShared = (path: string): string => readFileSync(SHARED_DIR + path, 'utf8');

const warned = new Set<string>();

/**
 * For `describe.skipIf(missingShared('…'))`: true when ../shared is missing, after printing why the suite is
 * skipped (once for each reason: a file calls it once per suite, as the file is collected).
 */
export function missingShared(reason: string): boolean {
  if (HAS_SHARED) return false;
  if (!warned.has(reason)) console.warn(`skipped without ${SHARED_DIR}: ${reason}`);
  warned.add(reason);
  return true;
}
