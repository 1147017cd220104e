import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${REPO}package.json`, 'utf8')) as {
  main: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  build: { files: string[]; icon: string; directories: { output: string } };
};

/** The bare package names a built bundle imports at run time. */
function packagesImportedBy(bundle: string): string[] {
  const source = readFileSync(`${REPO}${bundle}`, 'utf8');
  const specifiers = [...source.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)["']([^"']+)["']/gu)].map((match) => match[1]!);
  return [...new Set(specifiers.filter((name) => !name.startsWith('.') && !name.startsWith('node:')))]
    .filter((name) => !builtinModules.includes(name))
    .map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!));
}

describe('the package electron-builder makes', () => {
  it('pins the current Electron exactly, and asks for Node >= 22.12', () => {
    expect(pkg.devDependencies.electron).toMatch(/^45\.\d+\.\d+$/u);
    expect(pkg.engines.node).toBe('>=22.12.0');
  });

  it('starts from the built main, which exists after the build with its preload and page', () => {
    expect(pkg.main).toBe('dist/electron/main.js');
    for (const built of [pkg.main, 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
      expect(existsSync(`${REPO}${built}`), `${built} (run npm run build)`).toBe(true);
    }
    expect(pkg.build.files).toEqual(expect.arrayContaining(['dist/**/*', 'assets/samples/**/*', 'package.json']));
    expect(existsSync(`${REPO}${pkg.build.icon}`)).toBe(true);
  });

  it('ships as dependencies exactly the packages main, web mode, the parse worker and the CLI load at run time', () => {
    const bundles = ['main.js', 'web.js', 'parse-worker.js', 'cli.js'].map((name) => `dist/electron/${name}`);
    const needed = new Set(bundles.flatMap(packagesImportedBy));
    needed.delete('electron');
    expect([...needed].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('bundles the sandboxed preload into one file that loads nothing but electron', () => {
    expect(packagesImportedBy('dist/electron/preload.cjs')).toEqual(['electron']);
  });
});
