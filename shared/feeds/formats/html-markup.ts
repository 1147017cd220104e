/** Elements an HTML abstract is written with, closed: arXiv's plain text never holds their end tags. */
const END_TAG = /<\/(?:p|div|span|a|b|i|u|s|em|strong|sub|sup|small|big|tt|font|code|pre|blockquote|ul|ol|li|h[1-6]|table|tr|td|th)\s*>/iu;
/** Void elements, which have no end tag to find. */
const VOID_TAG = /<(?:br|hr|img)(?:\s[^<>]*)?\/?>/iu;

/**
 * True when text holds HTML markup. A start tag alone does not count: arXiv's plain text writes
 * expectation values as `<p>` or `<s>`, and those are words, not markup.
 */
export function holdsHtmlMarkup(text: string): boolean {
  return END_TAG.test(text) || VOID_TAG.test(text);
}
