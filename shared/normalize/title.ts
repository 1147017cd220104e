// Only runs that are not already one plain space need rewriting, and most text has none.
const IRREGULAR_WHITESPACE = /\s{2,}|[^\S ]/gu;
// eslint-disable-next-line no-control-regex -- the whole ASCII range, which starts with the control characters
const ASCII_ONLY = /^[\u0000-\u007f]*$/u;
const ASCII_LETTER_OR_DIGIT = /[A-Za-z0-9]/u;

/** Whitespace collapsed, ends trimmed: the display form of a plain-text title. */
export function collapseWhitespace(text: string): string {
  return text.replace(IRREGULAR_WHITESPACE, ' ').trim();
}

/**
 * The comparison form of a title: case, accents, punctuation and spacing removed,
 * so listings of one paper from different sources meet on one key.
 */
export function normaliseTitle(title: string): string {
  // ASCII has no accents to strip, and its only letters and digits are these.
  if (ASCII_ONLY.test(title)) return title.toLowerCase().replace(/[^a-z0-9]+/gu, ' ').trim();
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when the title's comparison form is empty: it has no letter or digit at all. */
export function isBlankTitle(title: string): boolean {
  return !ASCII_LETTER_OR_DIGIT.test(title) && normaliseTitle(title) === '';
}
