// shared/ has no DOM or Node globals, so no URL class: a URL is split by its RFC 3986 shape instead.
const WEB_URL = /^https?:\/\/([^/?#\s]+)([^?#\s]*)(\?[^#\s]*)?(#\S*)?$/iu;
const SCHEME_AND_HOST = /^https?:\/\/[^/?#\s]+(?=$|[/?#])/iu;

/** Parameters that only say how a reader reached the page, whatever their value. */
const TRACKING_NAMES: readonly RegExp[] = [
  /^utm_\w+$/iu, // Google Analytics campaigns; PubMed's RSS links carry all five
  /^(?:fbclid|gclid)$/iu, // Facebook and Google Ads clicks
  /^dgcid$/iu, // ScienceDirect RSS: ?dgcid=rss_sd_all
];

/** A feed's mark on its links. Only these values: the same names mean something else elsewhere. */
const FEED_MARKS: readonly RegExp[] = [
  /^track=rss$/iu, // Ingenta Edify (Microbiology Society, Annual Reviews, AIP Scitation): ?TRACK=RSS; LA Times: ?track=rss
  /^rss=(?:1|yes)$/iu, // HighWire (bioRxiv, BMJ, Science), Oxford Academic: ?rss=1; Cell Press: ?rss=yes
  /^af=r$/iu, // Atypon (Taylor & Francis, SAGE, Wiley, ACS): ?af=R
];

/**
 * Parameters that go only beside another that names the feed: on their own, `mi` or `v` are a
 * page's own (a YouTube video, an NCBI sequence range).
 */
const FEED_COMPANIONS: readonly { beside: RegExp; names: RegExp }[] = [
  // Taylor & Francis, SAGE, TRB: ?ai=1dl&mi=el63dh&af=R
  { beside: /^af=r$/iu, names: /^(?:ai|mi)$/iu },
  // PubMed RSS: ?utm_source=…&utm_medium=rss&utm_campaign=pubmed-2&utm_content=…&fc=…&ff=…&v=2.18.0.post9+e462414
  { beside: /^utm_campaign=pubmed-\d+$/iu, names: /^(?:fc|ff|v)$/iu },
];

/**
 * One spelling per page: https, lower-case host, no user name or password, no fragment, no
 * tracking parameters, no trailing slash. Null for anything that is not an http(s) URL.
 */
export function canonicalUrl(value: string | null): string | null {
  if (!value) return null;
  const match = WEB_URL.exec(asBrowsersRead(value));
  // A backslash ends the host for a browser (it reads it as a slash) but not for this pattern: refused rather than guessed at.
  if (!match || match[1]!.includes('\\')) return null;
  const host = withoutUserinfo(match[1]!).toLowerCase().replace(/:(?:80|443)$/u, '');
  if (host === '') return null;
  const path = match[2]!.replace(/\/+$/u, '');
  const query = withoutTracking(match[3] ?? '');
  return `https://${host}${path}${query === '' ? '' : `?${query}`}`;
}

/**
 * The host and port of an authority. Whatever comes before its last `@` is a user name and password,
 * which make a link look like it goes elsewhere: `https://arxiv.org@example.com/` is example.com.
 */
function withoutUserinfo(authority: string): string {
  return authority.slice(authority.lastIndexOf('@') + 1);
}

/**
 * Whitespace as browsers take it (WHATWG URL): tabs and line breaks dropped, spaces after the host
 * percent-encoded. PubMed's RSS links hold raw spaces (utm_source=Mobile Safari UI/WKWebView).
 */
function asBrowsersRead(value: string): string {
  const trimmed = value.trim();
  if (!/\s/u.test(trimmed)) return trimmed;
  const url = trimmed.replace(/[\t\n\r]/gu, '');
  const hostEnd = SCHEME_AND_HOST.exec(url)?.[0].length ?? url.length;
  return url.slice(0, hostEnd) + url.slice(hostEnd).replaceAll(' ', '%20');
}

/** The pairs of a `?…` query that do more than track the visit, joined again without the `?`. */
function withoutTracking(query: string): string {
  if (query === '') return '';
  const pairs = query
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '');
  const companions = FEED_COMPANIONS.filter(({ beside }) => pairs.some((pair) => beside.test(pair))).map(({ names }) => names);
  const trackingNames = companions.length === 0 ? TRACKING_NAMES : [...TRACKING_NAMES, ...companions];
  const tracks = (pair: string) => trackingNames.some((names) => names.test(pair.split('=')[0]!)) || FEED_MARKS.some((mark) => mark.test(pair));
  return pairs.filter((pair) => !tracks(pair)).join('&');
}
