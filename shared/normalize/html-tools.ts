/**
 * HTML handling that needs a real HTML parser and sanitizer (DOMPurify on a DOM). shared/ has no
 * DOM, so the side that parses feeds hands these in: main uses DOMPurify on jsdom.
 */
export interface HtmlTools {
  /** The visible text of a fragment: tags dropped, entities decoded, script and style content gone. */
  toText(html: string): string;
  /** The fragment with only safe markup left, ready to display. */
  sanitize(html: string): string;
}
