const LINK_ATTRIBUTES = ['href'];

/** Attributes whose values are words or numbers, never addresses. */
const PLAIN_ATTRIBUTES = [
  ...['title', 'lang', 'dir', 'id', 'name', 'target', 'rel', 'colspan', 'rowspan', 'headers', 'scope'],
  ...['mathvariant', 'displaystyle', 'scriptlevel', 'fence', 'separator', 'stretchy', 'largeop', 'movablelimits'],
  ...['accent', 'accentunder', 'linethickness', 'notation', 'columnalign', 'rowalign', 'lspace', 'rspace'],
];

/**
 * The markup a feed's abstract may keep, as DOMPurify settings for both sides: main sanitizes
 * what it stores, and the renderer again what it shows. An allow-list, so markup no abstract
 * needs (style, select, textarea, marquee, template, forms, media, SVG) never reaches the page.
 */
export const ABSTRACT_MARKUP_POLICY: {
  ALLOWED_TAGS: string[];
  ALLOWED_ATTR: string[];
  ADD_URI_SAFE_ATTR: string[];
  ADD_FORBID_CONTENTS: string[];
  ALLOWED_URI_REGEXP: RegExp;
  SANITIZE_NAMED_PROPS: boolean;
} = {
  ALLOWED_TAGS: [
    ...['a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'cite', 'code', 'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em', 'hr'],
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small'],
    ...['span', 'strong', 'sub', 'sup', 'u', 'ul', 'var', 'wbr', 'section', 'article', 'header', 'footer', 'figure', 'figcaption'],
    ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
    // Publishers' abstracts carry formulas as MathML.
    ...['math', 'semantics', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'mfrac', 'msqrt', 'mroot', 'mstyle'],
    ...['mpadded', 'mphantom', 'menclose', 'msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover', 'mmultiscripts'],
    ...['mprescripts', 'none', 'mtable', 'mtr', 'mtd'],
  ],
  ALLOWED_ATTR: [...LINK_ATTRIBUTES, ...PLAIN_ATTRIBUTES],
  // DOMPurify holds every other attribute's value to ALLOWED_URI_REGEXP, which would drop dir="rtl" or target="_blank".
  ADD_URI_SAFE_ATTR: PLAIN_ATTRIBUTES,
  // A TeX annotation repeats the formula it sits beside.
  ADD_FORBID_CONTENTS: ['annotation', 'annotation-xml'],
  ALLOWED_URI_REGEXP: /^(?:https?:|#)/iu,
  // An abstract's <a id="paperdrop"> would otherwise define window.paperdrop: ids become "user-content-…".
  SANITIZE_NAMED_PROPS: true,
};
