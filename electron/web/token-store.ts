import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const TOKEN_FILE = 'web-token';

/** 24 random bytes in base64url, as made below; anything else in the file is not a token of ours. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32}$/u;

export interface StoredToken {
  token: string;
  /** Why a new token replaced the one before, for the terminal; absent when the stored one was kept. */
  replaced?: string;
}

/**
 * Web mode's token, kept in the config folder so that a restarted server accepts the cookie of a
 * tab that is still open. Only its owner may read the file: the token is the whole of web mode's access control.
 */
export async function loadWebToken(configDir: string, options: { renew: boolean }): Promise<StoredToken> {
  const file = join(configDir, TOKEN_FILE);
  if (options.renew) return { token: await writeNewToken(file), replaced: '--new-token made a new token' };
  const stored = await readToken(file);
  if (stored === 'missing') return { token: await writeNewToken(file) };
  // Mode bits mean nothing on Windows, where the profile folder's ACL guards the file.
  if (stored.mode & 0o077 && process.platform !== 'win32') {
    // Others may have read it already: tightening the mode would not take it back from them.
    return { token: await writeNewToken(file), replaced: `${file} was readable by other users, so it was replaced by a new token` };
  }
  if (!TOKEN_SHAPE.test(stored.text)) return { token: await writeNewToken(file), replaced: `${file} held no valid token, so it was replaced by a new one` };
  return { token: stored.text };
}

async function readToken(file: string): Promise<{ text: string; mode: number } | 'missing'> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const { mode } = await handle.stat();
    return { text: (await handle.readFile('utf8')).trim(), mode };
  } finally {
    await handle.close();
  }
}

/** Written beside the file and renamed over it, so no reader ever sees half a token or a wider mode. */
async function writeNewToken(file: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${token}\n`, { mode: 0o600, flag: 'wx' });
  await rename(temporary, file);
  return token;
}
