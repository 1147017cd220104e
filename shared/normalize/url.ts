// shared/ has no DOM or Node globals, so no URL class: a URL is split by its RFC 3986 shape instead.
const WEB_URL = /^https?:\/\/([^/?#\s]+)([^?#\s]*)(\?[^#\s]*)?(#\S*)?$/iu;
const TRACKING_PARAMETER = /^(?:utm_\w+|fbclid|gclid)$/iu;

/**
 * One spelling per page: https, lower-case host, no fragment, no tracking parameters,
 * no trailing slash. Null for anything that is not an http(s) URL.
 */
export function canonicalUrl(value: string | null): string | null {
  if (!value) return null;
  const match = WEB_URL.exec(value.trim());
  if (!match) return null;
  const host = match[1]!.toLowerCase().replace(/:(?:80|443)$/u, '');
  const path = match[2]!.replace(/\/+$/u, '');
  const query = (match[3] ?? '')
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !TRACKING_PARAMETER.test(pair.split('=')[0]!));
  return `https://${host}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}
