import type { WebContents } from 'electron';

/** Raw URLs reaching the OS browser must be exactly what they look like: no whitespace or control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern finds
const HIDDEN_CHARACTERS = /[\s\u0000-\u001f\u007f]/u;

/**
 * True only for http(s) URLs, the only kind handed to the user's browser, and only those without a
 * user name or password: `https://arxiv.org@example.com/` goes to example.com, not where it seems.
 */
export function isExternalWebUrl(url: string): boolean {
  if (HIDDEN_CHARACTERS.test(url)) return false;
  const parsed = URL.parse(url);
  return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.username === '' && parsed.password === '';
}

/**
 * Keeps a web contents on the page it loaded: every navigation, redirect and webview is blocked,
 * and new windows are never created; http(s) links open in the user's browser instead.
 */
export function guardWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: (url: string) => Promise<void>,
): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) {
      openExternal(url).catch((error: unknown) => console.error(`Paperdrop: could not open ${url}:`, error));
    }
    return { action: 'deny' };
  });
}
