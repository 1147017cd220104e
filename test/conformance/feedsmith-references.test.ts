import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, missingShared, SHARED_DIR } from '../shared-paths';
import { parseWithGenericParsers, readFeedText } from './dispatch';
import { PASS_RATE_FLOORS } from './floors';
import { summarise, type CaseOutcome } from './outcomes';

const FEEDS = `${SHARED_DIR}fixtures/feedsmith/src/feeds/`;
const FORMAT_OF_FOLDER = { rss: 'rss', atom: 'atom', rdf: 'rdf' } as const;

interface ReferenceEntry {
  /** A string in feedsmith's newer references, `{ value }` in older ones. */
  title?: string | { value?: string };
  link?: string;
  links?: { href?: string; rel?: string }[];
}

function referenceTitle(entry: ReferenceEntry): string | null {
  return (typeof entry.title === 'string' ? entry.title : entry.title?.value) ?? null;
}

/** RSS items have a link; an Atom entry's main link is its first alternate one, `rel` defaulting to alternate. */
function referenceLink(entry: ReferenceEntry): string | null {
  return entry.link ?? entry.links?.find((link) => link.rel === undefined || link.rel === 'alternate')?.href ?? null;
}

function check(name: string, expected: unknown, actual: unknown): CaseOutcome {
  const same = JSON.stringify(expected) === JSON.stringify(actual);
  return same ? { name, status: 'pass' } : { name, status: 'fail', reason: `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}` };
}

function runReference(folder: keyof typeof FORMAT_OF_FOLDER, xmlName: string): CaseOutcome[] {
  const name = `${folder}/${xmlName}`;
  const outcome = parseWithGenericParsers(readFeedText(`${FEEDS}${folder}/references/${xmlName}`));
  const reference = JSON.parse(readFileSync(`${FEEDS}${folder}/references/${xmlName.replace(/\.xml$/u, '.json')}`, 'utf8')) as {
    items?: ReferenceEntry[];
    entries?: ReferenceEntry[];
  };
  const entries = reference.items ?? reference.entries ?? [];
  if (!outcome.ok) return [{ name, status: 'fail', reason: `not read: ${outcome.error}` }];
  return [
    check(`${name}: format`, FORMAT_OF_FOLDER[folder], outcome.format),
    check(`${name}: count`, entries.length, outcome.records.length),
    check(`${name}: titles`, entries.map(referenceTitle), outcome.records.map((record) => record.title || null)),
    check(`${name}: links`, entries.map(referenceLink), outcome.records.map((record) => record.link)),
  ];
}

const references = HAS_SHARED
  ? (Object.keys(FORMAT_OF_FOLDER) as (keyof typeof FORMAT_OF_FOLDER)[]).flatMap((folder) =>
      readdirSync(`${FEEDS}${folder}/references`)
        .filter((file) => file.endsWith('.xml'))
        .map((file) => [folder, file] as const),
    )
  : [];

describe.skipIf(missingShared('the feedsmith reference feeds (with their expected parses) are in ../shared/fixtures'))('feedsmith reference feeds through the generic parsers', () => {
  const outcomes = references.flatMap(([folder, file]) => runReference(folder, file));
  const summary = summarise('feedsmith references', outcomes);

  it('finds all 13 reference feeds', () => {
    expect(references.length).toBe(13);
  });

  it(`keeps the pass rate at or above ${PASS_RATE_FLOORS.feedsmithReferences}`, () => {
    console.log(summary.report);
    expect(summary.passed).toBeGreaterThan(0);
    expect(summary.passRate).toBeGreaterThanOrEqual(PASS_RATE_FLOORS.feedsmithReferences);
  });
});
