import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWebToken, TOKEN_FILE } from '../electron/web/token-store';
import { parseWebArgs, WEB_USAGE } from '../electron/web/web-args';
import { makeTempDir } from './temp-dir';

const modeOf = async (file: string) => (await stat(file)).mode & 0o777;

describe.skipIf(process.platform === 'win32')('the web token in the config folder', () => {
  it('is made on first start in a file only its owner may read, in a folder made for it', async () => {
    const configDir = join(await makeTempDir('token'), 'not-yet');
    const { token, replaced } = await loadWebToken(configDir, { renew: false });
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/u);
    expect(replaced).toBeUndefined();
    await expect(readFile(join(configDir, TOKEN_FILE), 'utf8')).resolves.toBe(`${token}\n`);
    await expect(modeOf(join(configDir, TOKEN_FILE))).resolves.toBe(0o600);
    await expect(modeOf(configDir)).resolves.toBe(0o700);
    await expect(readdir(configDir)).resolves.toEqual([TOKEN_FILE]);
  });

  it('is the same token on every later start', async () => {
    const configDir = await makeTempDir('token');
    const first = await loadWebToken(configDir, { renew: false });
    await expect(loadWebToken(configDir, { renew: false })).resolves.toEqual({ token: first.token });
  });

  it('is replaced when asked, still readable by its owner only', async () => {
    const configDir = await makeTempDir('token');
    const first = await loadWebToken(configDir, { renew: false });
    const renewed = await loadWebToken(configDir, { renew: true });
    expect(renewed.token).not.toBe(first.token);
    expect(renewed.replaced).toMatch(/--new-token/u);
    await expect(loadWebToken(configDir, { renew: false })).resolves.toEqual({ token: renewed.token });
    await expect(modeOf(join(configDir, TOKEN_FILE))).resolves.toBe(0o600);
    await expect(readdir(configDir)).resolves.toEqual([TOKEN_FILE]);
  });

  it('is replaced when others could read the file, since they may have read it already', async () => {
    const configDir = await makeTempDir('token');
    const first = await loadWebToken(configDir, { renew: false });
    await chmod(join(configDir, TOKEN_FILE), 0o644);
    const next = await loadWebToken(configDir, { renew: false });
    expect(next.token).not.toBe(first.token);
    expect(next.replaced).toMatch(/readable by other users/u);
    await expect(modeOf(join(configDir, TOKEN_FILE))).resolves.toBe(0o600);
  });

  it('is replaced when the file holds no token of ours', async () => {
    const configDir = await makeTempDir('token');
    await writeFile(join(configDir, TOKEN_FILE), 'short\n', { mode: 0o600 });
    const next = await loadWebToken(configDir, { renew: false });
    expect(next.token).toMatch(/^[A-Za-z0-9_-]{32}$/u);
    expect(next.replaced).toMatch(/no valid token/u);
  });
});

describe('--new-token', () => {
  it('is off unless given, and named in the usage line', () => {
    expect(parseWebArgs([]).newToken).toBe(false);
    expect(parseWebArgs(['--new-token']).newToken).toBe(true);
    expect(WEB_USAGE).toContain('[--new-token]');
  });
});
