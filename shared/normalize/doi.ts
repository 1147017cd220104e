const DOI_START = String.raw`10\.\d{4,9}\/`;
/**
 * SICI DOIs hold a <…> segment: 10.1002/(SICI)1097-4636(199603)30:3<359::AID-JBM10>3.0.CO;2-J.
 * It opens with a digit, as no HTML tag does.
 */
const SICI_SEGMENT = String.raw`<\d[^\s<>"]*>`;
/** In text a DOI ends at a space, quote, tag, or a URL's query or fragment; a SICI check character may be `#`. */
const DOI_IN_TEXT = String.raw`${DOI_START}(?:[^\s"<>?#]|${SICI_SEGMENT})+(?:(?<=;2-)#)?`;

const WEB_URL = /^https?:\/\//iu;
/** A quick look before the work: a DOI's start, its slash perhaps percent-encoded. */
const MAY_HOLD_DOI = /10\.\d{4}/u;
/** A URL's path (percent-decoded, its query and fragment cut off) holds the DOI to its end. */
const DOI_IN_PATH = new RegExp(String.raw`\b(${DOI_START}\S+)`, 'u');
const DOI_IN_VALUE = new RegExp(String.raw`\b(${DOI_IN_TEXT})`, 'u');
const URL_PATH_AND_QUERY = /^([^?#]*)(?:\?([^#]*))?/u;
const DOI_SHAPE = new RegExp(String.raw`^${DOI_START}\S+$`, 'u');

/** Where a publisher's link goes on past the DOI it names. */
const PAST_THE_DOI: readonly RegExp[] = [
  // Oxford Academic: /advance-article/doi/10.1093/nar/gkab1111/6439675 ends in its own article number.
  /^(10\.1093\/[^/]+\/[^/]+)\/\d+$/u,
  // bioRxiv and medRxiv: /content/10.1101/2024.01.05.574321v2.full names a version and a view.
  /^(10\.(?:1101|64898)\/(?:\d{4}\.\d{2}\.\d{2}\.)?\d+)v\d+(?:[./].*)?$/u,
];

/** Ends a sentence or a link around a DOI, not the DOI. */
const TRAILING_PUNCTUATION = /[.,;:!'"”’»/]$/u;

/** "DOI: 10.…", "doi:10.…", "info:doi/10.…": how a feed labels the paper's own DOI. */
const LABELLED_DOI = new RegExp(String.raw`(?:\binfo:doi\/|\bdoi\s*:?\s*)(${DOI_IN_TEXT})`, 'giu');
/** https://doi.org/10.…: a link that may as well name a data set or another paper. */
const RESOLVER_DOI = new RegExp(String.raw`\bdoi\.org\/(${DOI_IN_TEXT})`, 'giu');

/** The lower-case DOI a value names (bare, `doi:`, a resolver or publisher URL), or null. */
export function parseDoi(value: string): string | null {
  if (!MAY_HOLD_DOI.test(value)) return null;
  const trimmed = value.trim();
  const doi = WEB_URL.test(trimmed) ? doiInUrl(trimmed) : firstDoi(DOI_IN_VALUE, decodeSafely(trimmed));
  return doi?.toLowerCase() ?? null;
}

export function findDoi(values: readonly (string | null)[]): string | null {
  for (const value of values) {
    const doi = value === null ? null : parseDoi(value);
    if (doi) return doi;
  }
  return null;
}

/**
 * The DOI a description gives for its paper, or null when it names none or several. A labelled
 * DOI ("DOI:10.…", as PubMed's descriptions end) outranks resolver links, which often point to data.
 */
export function findDoiInText(text: string): string | null {
  const labelled = distinctDois(LABELLED_DOI, text);
  const candidates = labelled.length > 0 ? labelled : distinctDois(RESOLVER_DOI, text);
  return candidates.length === 1 ? candidates[0]! : null;
}

/** In the path, or else in a query value (?doi=10.…, PLOS's ?id=10.…); a raw `?` or `#` is never part of it. */
function doiInUrl(url: string): string | null {
  const [, path = '', query = ''] = URL_PATH_AND_QUERY.exec(url)!;
  const inPath = firstDoi(DOI_IN_PATH, decodeSafely(path));
  if (inPath) return withoutPublisherSuffix(inPath);
  for (const pair of query.split('&')) {
    const doi = firstDoi(DOI_IN_PATH, decodeSafely(pair.slice(pair.indexOf('=') + 1)));
    if (doi) return doi;
  }
  return null;
}

function withoutPublisherSuffix(doi: string): string {
  for (const pattern of PAST_THE_DOI) {
    const match = pattern.exec(doi);
    if (match) return match[1]!;
  }
  return doi;
}

function firstDoi(pattern: RegExp, text: string): string | null {
  const match = pattern.exec(text);
  return match ? withoutTrailingPunctuation(match[1]!) : null;
}

function distinctDois(pattern: RegExp, text: string): string[] {
  const dois = [...text.matchAll(pattern)].flatMap((match) => withoutTrailingPunctuation(match[1]!) ?? []);
  return [...new Set(dois.map((doi) => doi.toLowerCase()))];
}

/** Null when nothing of a DOI is left. */
function withoutTrailingPunctuation(doi: string): string | null {
  let trimmed = doi;
  while (TRAILING_PUNCTUATION.test(trimmed) || closesNothing(trimmed)) trimmed = trimmed.slice(0, -1);
  return DOI_SHAPE.test(trimmed) ? trimmed : null;
}

/** A closing bracket the DOI never opened belongs to the text around it: (doi:10.1000/xyz). */
function closesNothing(doi: string): boolean {
  const last = doi.at(-1);
  if (last !== ')' && last !== ']') return false;
  const opening = last === ')' ? '(' : '[';
  return doi.split(opening).length < doi.split(last).length;
}

function decodeSafely(value: string): string {
  try {
    return value.includes('%') ? decodeURIComponent(value) : value;
  } catch {
    return value;
  }
}
