import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { ABSTRACT_MARKUP_POLICY } from '../../shared/normalize/abstract-markup';
import type { HtmlTools } from '../../shared/normalize/html-tools';
import { markupDepth } from '../../shared/normalize/markup-depth';

/**
 * Deeper markup is refused, item by item. No abstract nests anywhere near this, and an HTML
 * parser's work on nested formatting elements grows with the square of the depth: 100,000 nested
 * `<b>` kept jsdom busy for minutes.
 */
export const MAX_MARKUP_DEPTH = 1000;

// A set walked by hand: querySelectorAll parses its selector again for every new document, which took a quarter of a parse.
const BLOCK_ELEMENTS = new Set([
  ...['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'blockquote', 'pre', 'dd', 'dt', 'table', 'caption'],
  ...['section', 'article', 'header', 'footer', 'figure', 'figcaption'],
]);

/** HtmlTools for Node: DOMPurify on a jsdom window, made once per process. */
export function createDomHtmlTools(): HtmlTools {
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  // createElement makes SVG and MathML elements unknown outside their namespaces, but they are markup all the same.
  const knownTags = new Map<string, boolean>([['svg', true], ...ABSTRACT_MARKUP_POLICY.ALLOWED_TAGS.map((tag) => [tag, true] as const)]);
  const isHtmlTag = (name: string) => {
    const key = name.toLowerCase();
    if (!knownTags.has(key)) knownTags.set(key, !(window.document.createElement(key) instanceof window.HTMLUnknownElement));
    return knownTags.get(key)!;
  };
  // "How <SEG> Token Works" names a token, not an element: only real HTML tags count as markup.
  const keepUnknownTagsAsText = (html: string) => {
    if (markupDepth(html, MAX_MARKUP_DEPTH) > MAX_MARKUP_DEPTH) throw new RangeError(`its markup nests more than ${MAX_MARKUP_DEPTH.toLocaleString('en')} elements deep`);
    return html.replace(/<(\/?)([A-Za-z][\w-]*)/gu, (tag, slash: string, name: string) => (isHtmlTag(name) ? tag : `&lt;${slash}${name}`));
  };

  return {
    toText(html) {
      // Null when the markup parses as a frameset document, which has no body and shows no text.
      const fragment = purify.sanitize(keepUnknownTagsAsText(html), { ...ABSTRACT_MARKUP_POLICY, RETURN_DOM_FRAGMENT: true }) as DocumentFragment | null;
      if (!fragment) return '';
      const walker = window.document.createTreeWalker(fragment, window.NodeFilter.SHOW_ELEMENT);
      const blocks: Element[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (BLOCK_ELEMENTS.has((node as Element).localName)) blocks.push(node as Element);
      }
      for (const element of blocks) element.after('\n\n');
      return fragment.textContent ?? '';
    },
    sanitize(html) {
      return purify.sanitize(keepUnknownTagsAsText(html), ABSTRACT_MARKUP_POLICY);
    },
  };
}
