import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder watched until the user picks another: ~/Paperdrop/Inbox. */
export function defaultInboxFolder(home = homedir()): string {
  return join(home, 'Paperdrop', 'Inbox');
}

/**
 * Where settings live, matching Electron's userData for an app named Paperdrop,
 * so the desktop app and web mode remember the same folder.
 * PAPERDROP_CONFIG_DIR overrides it (tests, portable setups).
 */
export function defaultConfigDir(env = process.env, platform = process.platform, home = homedir()): string {
  if (env.PAPERDROP_CONFIG_DIR) return env.PAPERDROP_CONFIG_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Paperdrop');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Paperdrop');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Paperdrop');
}
