/** Elements that hold no others, so never nest: an `<img>` or `<br>` leaves the depth as it is. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const TAG = /<(\/?)([A-Za-z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/gu;

/**
 * How deep a fragment's elements nest, at most, counted from its tags: each opening tag of an
 * element that can hold others goes one deeper, each closing tag one back. It can count more than
 * an HTML parser would build (an unclosed `<p>` is closed by the next one), never less. Stops
 * counting once past `limit`.
 */
export function markupDepth(html: string, limit = Number.POSITIVE_INFINITY): number {
  let [depth, deepest] = [0, 0];
  for (const [, closing, name, selfClosing] of html.matchAll(TAG)) {
    if (closing) depth = Math.max(0, depth - 1);
    else if (!selfClosing && !VOID_ELEMENTS.has(name!.toLowerCase())) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    }
  }
  return deepest;
}
