import { describe, expect, it } from 'vitest';
import { cyclesOf, importGraph, readSources, topLevelKinds } from './source-scan';

/*
 * No module imports itself through others, type-only imports included: renderer/db's record types
 * live in records.ts, which imports none of renderer/db, and the upgrades in upgrades.ts, which
 * database.ts imports and nothing of theirs imports back (docs/storage-model.md).
 */
const sources = readSources('renderer', 'shared');
const graph = importGraph(sources);

describe('the import graph', () => {
  it('has no cycle through renderer/db', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(cyclesOf(graph).filter((cycle) => cycle.some((file) => file.startsWith('renderer/db/')))).toEqual([]);
  });

  it('has no cycle anywhere in renderer/ or shared/', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('has records.ts hold types only, importing nothing of renderer/db', () => {
    const records = sources.find((source) => source.file === 'renderer/db/records.ts')!;
    expect(new Set(topLevelKinds(records))).toEqual(new Set(['type']));
    expect(graph.get(records.file)!.filter((file) => file.startsWith('renderer/db/'))).toEqual([]);
  });

  it('catches a cycle of type-only imports, re-exports and import types', () => {
    const modules = [
      { file: 'renderer/db/a.ts', text: "import type { B } from './b';\nexport interface A { b: B }" },
      { file: 'renderer/db/b.ts', text: "export type { C as B } from './c';" },
      { file: 'renderer/db/c.ts', text: "export type C = import('./a').A;" },
      { file: 'renderer/db/d.ts', text: "import { a } from './a.ts';\nconst e = await import('./e');" },
      { file: 'renderer/db/e.ts', text: 'export const e = 1;' },
    ];
    expect(cyclesOf(importGraph(modules))).toEqual([['renderer/db/a.ts', 'renderer/db/b.ts', 'renderer/db/c.ts']]);
    expect(importGraph(modules).get('renderer/db/d.ts')).toEqual(['renderer/db/a.ts', 'renderer/db/e.ts']);
  });
});
