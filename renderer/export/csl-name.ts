/** A CSL name: family and given parts, or a name kept whole. */
export type CslName = { family: string; given?: string; 'non-dropping-particle'?: string } | { literal: string };

/** A collaboration's name, or one with "and" in it, which BibTeX would read as two names. */
const WHOLE_NAME = /\b(collaboration|consortium|team|group|and)\b/iu;

/**
 * An author's name as CSL name parts, read the way BibTeX reads a name: "Last, First" when it has a
 * comma, else "First von Last" (the last word the family name, lower-case words before it a particle).
 * A collaboration stays whole; a blank name is null.
 */
export function cslName(author: string): CslName | null {
  const name = author.trim().replace(/\s+/gu, ' ');
  if (name === '') return null;
  if (WHOLE_NAME.test(name)) return { literal: name };
  const comma = name.indexOf(',');
  if (comma > 0) return withGiven({ family: name.slice(0, comma).trim() }, name.slice(comma + 1).trim());
  const words = name.split(' ');
  const family = words.pop()!;
  const particleStart = words.findIndex((word) => /^\p{Ll}/u.test(word));
  if (particleStart < 0) return withGiven({ family }, words.join(' '));
  const particle = words.slice(particleStart).join(' ');
  return withGiven({ family, 'non-dropping-particle': particle }, words.slice(0, particleStart).join(' '));
}

const withGiven = <T extends object>(name: T, given: string) => (given === '' ? name : { ...name, given });
