import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_COPIES, makeCopy } from './fixture-copies';
import { FIXTURES_DIR, missingShared, SHARED_DIR } from './shared-paths';

/** Every file under test/fixtures/feeds and test/fixtures/parser-suites but the READMEs that describe them. */
const copiedFiles = () =>
  ['feeds', 'parser-suites'].flatMap((dir) =>
    readdirSync(FIXTURES_DIR + dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => `${entry.parentPath}/${entry.name}`.slice(FIXTURES_DIR.length))
      .filter((path) => !['feeds/README.md', 'parser-suites/README.md'].includes(path)),
  );

describe.skipIf(missingShared('the in-repo feed copies are checked against their sources in ../shared'))('the copies of ../shared in test/fixtures', () => {
  // PAPERDROP_WRITE_FIXTURES=1 writes them afresh from ../shared (after a change to test/fixture-copies.ts).
  if (process.env['PAPERDROP_WRITE_FIXTURES'] === '1') {
    for (const copy of FIXTURE_COPIES) {
      mkdirSync(dirname(FIXTURES_DIR + copy.path), { recursive: true });
      writeFileSync(FIXTURES_DIR + copy.path, makeCopy(copy, readFileSync(SHARED_DIR + copy.source)));
    }
  }

  it('are the files test/fixture-copies.ts lists, and no others', () => {
    expect(copiedFiles().sort()).toEqual(FIXTURE_COPIES.map((copy) => copy.path).sort());
  });

  it.each(FIXTURE_COPIES.map((copy) => [copy.path, copy] as const))('%s is its source, or the excerpt of it, byte for byte', (_path, copy) => {
    const expected = makeCopy(copy, readFileSync(SHARED_DIR + copy.source));
    expect(readFileSync(FIXTURES_DIR + copy.path).equals(expected)).toBe(true);
  });

  it('keeps the small copies small', () => {
    const sizes = FIXTURE_COPIES.map((copy) => readFileSync(FIXTURES_DIR + copy.path).length);
    expect(Math.max(...sizes)).toBeLessThan(128 * 1024);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(1.5 * 1024 * 1024);
  });
});
