/** A CSL name: family and given parts, or a name kept whole. */
export type CslName = { family: string; given?: string; 'non-dropping-particle'?: string; suffix?: string } | { literal: string };

/** A collaboration's name, or one with "and" in it, which BibTeX would read as two names. */
const WHOLE_NAME = /\b(collaboration|consortium|team|group|and)\b/iu;
/** What follows a family name as a generation: "Jr.", "Sr.", "III". */
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/iu;
/** PubMed's way: the given names' initials in capitals after the family name, no comma ("Chen C", "Smith JA"). */
const INITIALS = /^\p{Lu}{1,3}$/u;

/**
 * An author's name as CSL name parts, read the way BibTeX reads a name: "Last, First" (or BibTeX's
 * "Last, Jr., First") when it has a comma, else "First von Last" (the last word the family name,
 * lower-case words before it a particle). A generation after the name ("Robert W. Heath, Jr.") is
 * its suffix; PubMed's "Chen C" is family then initials. A collaboration stays whole; a blank name is null.
 */
export function cslName(author: string): CslName | null {
  const name = author.trim().replace(/\s+/gu, ' ');
  if (name === '') return null;
  if (WHOLE_NAME.test(name)) return { literal: name };
  const parts = name.split(',').map((part) => part.trim());
  const suffixAt = parts.findIndex((part, index) => index > 0 && SUFFIX.test(part));
  const suffix = suffixAt > 0 ? parts.splice(suffixAt, 1)[0] : undefined;
  if (parts.length > 1 && parts[0] !== '') return withSuffix(withGiven({ family: parts[0]! }, parts.slice(1).join(', ')), suffix);
  const words = parts.join(', ').split(' ');
  if (suffix === undefined && words.length > 1 && SUFFIX.test(words.at(-1)!)) return withSuffix(firstVonLast(words.slice(0, -1)), words.at(-1));
  if (words.length > 1 && INITIALS.test(words.at(-1)!) && words.slice(0, -1).some((word) => /\p{Ll}/u.test(word))) {
    const initials = [...words.at(-1)!].map((letter) => `${letter}.`).join(' ');
    return withGiven(vonLast(words.slice(0, -1)), initials);
  }
  return withSuffix(firstVonLast(words), suffix);
}

/** "First von Last": the last word the family name, the lower-case words before it its particle. */
function firstVonLast(words: string[]): CslName {
  const family = words.at(-1)!;
  const given = words.slice(0, -1);
  const particleStart = given.findIndex((word) => /^\p{Ll}/u.test(word));
  if (particleStart < 0) return withGiven({ family }, given.join(' '));
  return withGiven({ family, 'non-dropping-particle': given.slice(particleStart).join(' ') }, given.slice(0, particleStart).join(' '));
}

/** "von Last": the lower-case words first are the particle. */
function vonLast(words: string[]): { family: string; 'non-dropping-particle'?: string } {
  const familyStart = words.findIndex((word) => !/^\p{Ll}/u.test(word));
  if (familyStart <= 0) return { family: words.join(' ') };
  return { family: words.slice(familyStart).join(' '), 'non-dropping-particle': words.slice(0, familyStart).join(' ') };
}

const withGiven = <T extends object>(name: T, given: string) => (given === '' ? name : { ...name, given });
const withSuffix = (name: CslName, suffix: string | undefined): CslName => (suffix === undefined || 'literal' in name ? name : { ...name, suffix });
