import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const UI = new URL('../renderer/ui/', import.meta.url);
const components = readdirSync(UI).filter((name) => name.endsWith('.tsx'));

describe('the renderer’s components', () => {
  it('never hold the database: they read and write through hooks, whose failures reach the user', () => {
    expect(components.length).toBeGreaterThan(10);
    const holding = components.filter((name) => /\bdb\b/u.test(readFileSync(new URL(name, UI), 'utf8')));
    expect(holding).toEqual([]);
  });
});
