import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const GUARD = fileURLToPath(new URL('../electron/require-node.cjs', import.meta.url));
const { nodeVersionProblem } = createRequire(import.meta.url)(GUARD) as { nodeVersionProblem: (range: string, version: string) => string | null };
const RANGE = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { engines: { node: string } }).engines.node;

/** A Node older than the engines range, as Debian's packaged Node 20 is; the test that needs it is skipped without it. */
const OLD_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
  if (!existsSync(path)) return false;
  const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return nodeVersionProblem(RANGE, version) !== null;
});

describe('the Node version check before npm start and npm run web', () => {
  it('lets 22.12 and anything newer through', () => {
    for (const version of ['v22.12.0', 'v22.12.1', 'v22.13.0', 'v23.0.0', 'v24.1.0', 'v100.0.0']) expect(nodeVersionProblem('>=22.12.0', version)).toBeNull();
  });

  it('stops anything older, naming the version needed and the one found', () => {
    for (const version of ['v22.11.9', 'v22.0.0', 'v20.20.2', 'v18.19.0', 'v4.9.1']) {
      const problem = nodeVersionProblem('>=22.12.0', version);
      expect(problem).toContain('Node.js 22.12.0 or newer');
      expect(problem).toContain(`this is Node.js ${version.slice(1)}`);
    }
  });

  it('reads the range it is given, and refuses a range it cannot read rather than let everything through', () => {
    expect(nodeVersionProblem('>=24.0.0', 'v22.12.0')).toContain('Node.js 24.0.0 or newer');
    expect(() => nodeVersionProblem('^22.12.0 || >=24', 'v22.12.0')).toThrow(/engines/u);
  });

  it('is the first step of npm start and npm run web', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toMatch(/^node electron\/require-node\.cjs && /u);
    expect(scripts.web).toMatch(/^node electron\/require-node\.cjs && /u);
  });

  it('passes silently on this Node', () => {
    const run = spawnSync(process.execPath, [GUARD], { encoding: 'utf8' });
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it.skipIf(!OLD_NODE)('exits 1 with the message when the real old Node runs it', () => {
    const run = spawnSync(OLD_NODE!, [GUARD], { encoding: 'utf8' });
    const version = spawnSync(OLD_NODE!, ['--version'], { encoding: 'utf8' }).stdout.trim().slice(1);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Paperdrop needs Node.js ${RANGE.slice(2)} or newer, but this is Node.js ${version}.`);
  });
});
