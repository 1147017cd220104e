/**
 * The namespaces the generic feed readers know, each under the prefix they look for, whatever
 * prefix a document binds it to. A URI is matched without its scheme, case or trailing `/` or `#`.
 */
const KNOWN_NAMESPACES: readonly [prefix: string, uris: RegExp][] = [
  // RSS 2.0's own elements, for documents that put them in a namespace (`<r:item>`): no prefix.
  ['', /^(?:backend\.userland\.com\/rss2?|blogs\.law\.harvard\.edu\/tech\/rss)$/u],
  ['dc', /^(?:purl\.org\/dc\/elements\/1\.[01]|dublincore\.org\/documents\/dcmi-namespace)$/u],
  ['dcterms', /^(?:purl\.org\/dc\/terms|dublincore\.org\/(?:documents|specifications\/dublin-core)\/dcmi-terms)$/u],
  ['content', /^purl\.org\/rss\/1\.0\/modules\/content$/u],
  ['atom', /^(?:www\.w3\.org\/2005\/atom|purl\.org\/atom\/ns)$/u],
  ['prism', /^(?:prismstandard\.org\/namespaces\/(?:basic\/[\d.]+|[\d.]+\/basic)|purl\.org\/rss\/1\.0\/modules\/prism)$/u],
  ['xhtml', /^www\.w3\.org\/1999\/xhtml$/u],
];

const PREFIX_DECLARATION = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

/**
 * A tag-name transform for fast-xml-parser: names in lower case, as feeds are written in every case
 * (`pubDate`, `PUBDATE`), with each known namespace under its usual prefix (`dc:creator` however the
 * document spells `dc`) and RSS's own elements unprefixed. Unknown prefixes stay as written, so an
 * extension's `foo:description` is never taken for the item's description. Prefixes are read from
 * the whole document, the first declaration of each winning: feeds declare them once, on the root.
 */
export function canonicalTagNames(text: string): (name: string) => string {
  const prefixes = new Map<string, string>();
  for (const [, prefix, double, single] of text.matchAll(PREFIX_DECLARATION)) {
    const lowered = prefix!.toLowerCase();
    if (prefixes.has(lowered)) continue;
    const known = knownPrefix(double ?? single ?? '');
    if (known !== undefined) prefixes.set(lowered, known);
  }
  return (name) => {
    const lowered = name.toLowerCase();
    const colon = lowered.indexOf(':');
    if (colon === -1) return lowered;
    const known = prefixes.get(lowered.slice(0, colon));
    if (known === undefined) return lowered;
    const local = lowered.slice(colon + 1);
    return known === '' ? local : `${known}:${local}`;
  };
}

function knownPrefix(uri: string): string | undefined {
  const bare = uri
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//u, '')
    .replace(/[/#]+$/u, '');
  return KNOWN_NAMESPACES.find(([, uris]) => uris.test(bare))?.[0];
}
