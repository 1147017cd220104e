import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  cacheControl: string;
}

/**
 * The build names every file under assets/ by a hash of its content, so a browser may keep them for
 * good and load them, with the code it compiled from them, from its cache at the next start.
 * index.html names them, so it is checked each time.
 */
const BUILT_ASSETS = /^assets\/[^/]+$/u;
const KEPT = 'private, max-age=31536000, immutable';
const CHECKED = 'no-cache';

/** Reads a file of the built renderer for a URL path; null for anything outside it or missing. */
export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relativePath = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^[/\\]+/u, '');
  const path = join(rootDir, relativePath);
  if (relativePath.startsWith('..') || !path.startsWith(rootDir + sep)) return null;
  try {
    const body = await readFile(path);
    const cacheControl = BUILT_ASSETS.test(relativePath.split(sep).join('/')) ? KEPT : CHECKED;
    return { body, contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', cacheControl };
  } catch {
    return null;
  }
}
