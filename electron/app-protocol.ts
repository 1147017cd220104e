import type { Privileges } from 'electron';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
const APP_HOST = 'paperdrop';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * A standard, secure scheme gets an origin of its own, relative URLs, storage (IndexedDB) and fetch.
 * It does not bypass CSP: the renderer's own policy applies.
 */
export const APP_SCHEME_PRIVILEGES: Privileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
};

function parseAppUrl(url: string): URL | null {
  const parsed = URL.parse(url);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return parsed.username === '' && parsed.password === '' ? parsed : null;
}

/** True only for URLs on the renderer's own origin, app://paperdrop. */
export function isAppUrl(url: string): boolean {
  return parseAppUrl(url) !== null;
}

/** The URL's path, decoded; null when it is malformed or hides a backslash or NUL. */
function decodedPath(url: URL): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  return path.includes('\\') || path.includes('\0') ? null : path;
}

/** The file inside rendererDir that an app:// request asks for; null for anything else. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  const url = parseAppUrl(requestUrl);
  const path = url ? decodedPath(url) : null;
  if (path === null) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path === '' || path === '/' ? '/index.html' : path}`);
  const inside = relative(root, file);
  const escapes = inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  return escapes ? null : file;
}
