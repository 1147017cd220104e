import type { Privileges } from 'electron';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
const APP_HOST = 'paperdrop';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * A standard, secure scheme gets an origin of its own, relative URLs, storage (IndexedDB) and fetch.
 * It does not bypass CSP: the renderer's own policy applies. Code cache: the page's and the search
 * worker's scripts are compiled once, not at every start (Electron caches code for http(s) only by default).
 */
export const APP_SCHEME_PRIVILEGES: Privileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
};

/** True only for URLs on the renderer's own origin, app://paperdrop. */
export function isAppUrl(url: string): boolean {
  const parsed = URL.parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * The path as the request wrote it, decoded. Parsing it as a URL would quietly resolve dot segments,
 * which are refused here instead.
 */
function requestedPath(requestUrl: string): string | null {
  if (!requestUrl.startsWith(APP_ORIGIN)) return null;
  const [path = ''] = requestUrl.slice(APP_ORIGIN.length).split(/[?#]/, 1);
  if (path !== '' && !path.startsWith('/')) return null;
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** Built asset names are never empty or all dots, nor hold characters some file system treats specially. */
function isSafeSegment(segment: string): boolean {
  return !/^\.*$/.test(segment) && !/[\\:\0]/.test(segment);
}

/** The file inside rendererDir that an app:// request asks for; null for anything else, directories included. */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  const path = requestedPath(requestUrl);
  if (path === null) return null;
  const segments = path === '' || path === '/' ? ['index.html'] : path.slice(1).split('/');
  if (!segments.every(isSafeSegment)) return null;
  const root = resolve(rendererDir);
  const file = join(root, ...segments);
  // The segments were checked already; this also catches whatever a platform's path rules add.
  const inside = relative(root, file);
  return inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside) ? null : file;
}
