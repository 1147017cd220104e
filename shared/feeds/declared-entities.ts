/** What may come before a DOCTYPE: white space, the XML declaration, comments and processing instructions. */
const PROLOG_PART = /\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->/uy;
const QUOTED = String.raw`(?:"[^"]*"|'[^']*')`;
/** `<!DOCTYPE rss PUBLIC "…" "…" [`: a DOCTYPE that opens an internal subset, however its name and ids are written. */
const SUBSET_START = new RegExp(String.raw`<!DOCTYPE(?:${QUOTED}|[^"'[>])*\[`, 'iuy');
/** One part of an internal subset: white space, a comment, a processing instruction, a parameter-entity reference or a declaration. */
const SUBSET_PART = new RegExp(String.raw`\s+|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|%[^;\s]*;|<!(?:${QUOTED}|[^"'>])*>`, 'uy');
const ENTITY_DECLARATION = /^<!ENTITY/iu;

/**
 * True when the document's DOCTYPE declares entities in its internal subset (`<!ENTITY …>`): the
 * stuff of entity bombs and external-entity reads. Only the prolog is read, so a paper whose
 * abstract quotes a DOCTYPE does not count, and a DOCTYPE without a subset (RSS 0.91's) is fine.
 */
export function declaresXmlEntities(text: string): boolean {
  let at = skipAll(PROLOG_PART, text, text.startsWith('\uFEFF') ? 1 : 0);
  SUBSET_START.lastIndex = at;
  if (!SUBSET_START.test(text)) return false;
  at = SUBSET_START.lastIndex;
  for (;;) {
    SUBSET_PART.lastIndex = at;
    const part = SUBSET_PART.exec(text);
    // A subset this cannot read to its end is refused if it names an entity declaration anywhere after.
    if (part === null) return !text.startsWith(']', at) && /<!ENTITY/iu.test(text.slice(at));
    if (ENTITY_DECLARATION.test(part[0])) return true;
    at = SUBSET_PART.lastIndex;
  }
}

function skipAll(part: RegExp, text: string, from: number): number {
  let at = from;
  for (part.lastIndex = at; part.test(text); part.lastIndex = at) at = part.lastIndex;
  return at;
}
