import { Ajv } from 'ajv';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { matchesGlob } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
interface BuildConfig {
  appId: string;
  files: string[];
  icon: string;
  directories: { output: string };
  linux: { target: string[]; icon: string; maintainer: string };
  mac: { target: string };
  win: { target: string };
  electronFuses: Record<string, boolean>;
}
const pkg = JSON.parse(readFileSync(`${REPO}package.json`, 'utf8')) as {
  version: string;
  main: string;
  scripts: Record<string, string>;
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  build: BuildConfig;
};

/** electron-builder's own schema of its configuration, as it ships it: it validates with this before packaging. */
const validateBuildConfig = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(`${REPO}node_modules/app-builder-lib/scheme.json`, 'utf8')) as object);

/** Every file under `dir`, relative to the repository. */
function filesUnder(dir: string): string[] {
  return readdirSync(`${REPO}${dir}`, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath.slice(REPO.length)}/${entry.name}`);
}

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
  });

  it('is a configuration electron-builder accepts, by its own schema', () => {
    const valid = validateBuildConfig(pkg.build);
    expect(validateBuildConfig.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The same check refuses a configuration it should: a fuse that is not a boolean, a target it does not know.
    expect(validateBuildConfig({ ...pkg.build, electronFuses: { ...pkg.build.electronFuses, runAsNode: 'no' } })).toBe(false);
    expect(validateBuildConfig({ ...pkg.build, nsisTarget: 'nsis' })).toBe(false);
  });

  it('builds AppImage and deb, dmg and nsis installers with `npm run dist`, under one app id', () => {
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder --publish never');
    expect(pkg.build.appId).toMatch(/^[a-z]+(\.[a-z]+){2,}$/u);
    expect([pkg.build.linux.target, pkg.build.mac.target, pkg.build.win.target]).toEqual([['AppImage', 'deb'], 'dmg', 'nsis']);
    // A deb needs a maintainer with an e-mail address: electron-builder stops without one.
    expect(pkg.build.linux.maintainer).toMatch(/^[^<>]+ <[^<>@\s]+@[^<>@\s]+>$/u);
  });

  it('has icons of every size each platform asks for, rendered from assets/icon.svg', () => {
    const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
    expect(pkg.build.linux.icon).toBe('assets/icons');
    expect(pkg.build.icon).toBe('assets/icons/1024x1024.png');
    for (const size of sizes) {
      const png = readFileSync(`${REPO}assets/icons/${size}x${size}.png`);
      // A PNG's IHDR: width and height at bytes 16 and 20; colour type 6 is RGBA, for a transparent background.
      expect([png.readUInt32BE(16), png.readUInt32BE(20), png[25]], `${size}x${size}.png`).toEqual([size, size, 6]);
    }
  });

  it('flips the Electron fuses that let a packaged app be run as something else', () => {
    expect(pkg.build.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
      // Packed without asar (see SECURITY.md), so these two would stop the app from loading.
      onlyLoadAppFromAsar: false,
      enableEmbeddedAsarIntegrityValidation: false,
    });
  });

  it('numbers versions by SemVer, and CHANGELOG.md\'s newest section is the version being prepared', () => {
    const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/u;
    expect(pkg.version).toMatch(SEMVER);
    const sections = [...readFileSync(`${REPO}CHANGELOG.md`, 'utf8').matchAll(/^## \[([^\]]+)\] - (.+)$/gmu)].map(([, version, when]) => ({ version: version!, when: when! }));
    expect(sections[0]?.version).toBe(pkg.version);
    for (const [position, { version, when }] of sections.entries()) {
      expect(version).toMatch(SEMVER);
      // Only the version being prepared may be unreleased; a released one has its date.
      expect(when).toMatch(position === 0 ? /^(Unreleased|\d{4}-\d{2}-\d{2})$/u : /^\d{4}-\d{2}-\d{2}$/u);
    }
    const numbers = sections.map(({ version }) => version.split('.').map(Number));
    expect(numbers.every((current, position) => position === 0 || compareVersions(numbers[position - 1]!, current) > 0), 'newest first').toBe(true);
  });

  it('packs every file the app loads at run time, and not the bench or other build leftovers', () => {
    const packed = (file: string) => pkg.build.files.some((pattern) => matchesGlob(file, pattern));
    const loaded = [
      'package.json',
      ...['main.js', 'preload.cjs', 'parse-worker.js'].map((name) => `dist/electron/${name}`),
      ...filesUnder('dist/renderer'),
      ...filesUnder('assets/samples'),
    ];
    expect(filesUnder('dist/renderer').length).toBeGreaterThan(5);
    expect(loaded.filter((file) => !packed(file))).toEqual([]);
    expect(['dist/bench.js', 'test/chromium.ts', 'assets/screenshot.png'].filter(packed)).toEqual([]);
    const { linux, mac, win } = pkg.build;
    console.log(`packaging: ${loaded.length} files the app loads at run time, all packed; installers ${[...linux.target, mac.target, win.target].join(', ')}; version ${pkg.version}`);
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

function compareVersions(a: number[], b: number[]): number {
  for (let part = 0; part < 3; part += 1) if (a[part] !== b[part]) return a[part]! - b[part]!;
  return 0;
}
