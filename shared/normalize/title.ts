/** Whitespace collapsed, ends trimmed: the display form of a plain-text title. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * The comparison form of a title: case, accents, punctuation and spacing removed,
 * so listings of one paper from different sources meet on one key.
 */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function titleKey(title: string): string {
  return `title:${normaliseTitle(title)}`;
}
