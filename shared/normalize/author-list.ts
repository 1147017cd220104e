import type { RawAuthor } from '../feeds/raw-record';
import { decodeCharacterReferences } from './character-references';

/**
 * Where a text of names comes from, which decides how readily a comma in it separates people.
 * - `joined`: a field that lists every author in one string (arXiv's dc:creator, a JSON "author").
 * - `entry`: one author element (`<author>`, one of several dc:creator): one person, unless it
 *   clearly lists several ("Chen C, Zhou Y, Watanabe H, et al.").
 */
export type NamesSource = 'joined' | 'entry';

type Separator = ',' | ';' | 'and';
const SEPARATOR_RANK: Readonly<Record<Separator, number>> = { ';': 3, ',': 2, and: 1 };

interface Piece {
  start: number;
  end: number;
}

/** A text cut at commas, semicolons and joining "and"s outside parentheses. */
interface Cut {
  pieces: Piece[];
  /** separators[i] stands between pieces[i] and pieces[i + 1]. */
  separators: Separator[];
}

const INITIAL = String.raw`\p{Lu}\p{Ll}?\.`;
/** "I.", "R. J.", "R.J.", "I.-J.", "M.-C.", "Ch.", "Yu.", "M. d. C.": what follows a surname and its comma. */
const DOTTED_INITIALS = new RegExp(String.raw`^${INITIAL}(?:[\s-]*\p{L}\p{Ll}?\.)*$`, 'u');
/** "D", "JA", "J-P": initials without dots, as Vancouver style and some bioRxiv exports write them. */
const BARE_INITIALS = /^\p{Lu}{1,3}(?:-\p{Lu}{1,2})?$/u;
const NAME_SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?$/u;
/** A part that only says the list goes on. */
const LIST_TAIL = /^(?:et\.?\s*al\.?|others|etc\.?)$/iu;
const TRAILING_ET_AL = /\s+et\.?\s*al\.?$/iu;
/** "van der Berg", "Khetani", "O'Neil-Smith": a surname written alone, lower-case particles first. */
const LONE_SURNAME = /^(?:\p{Ll}+\s+)*\p{Lu}[\p{L}'’-]*$/u;
/** "John", "John A.", "Mary-Jane": the given part of "Smith, John". */
const GIVEN_NAMES = /^\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.?)*$/u;
const SURNAME_WORDS = String.raw`(?:\p{Ll}+\s+)*\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Ll}+\s+)*\p{Lu}[\p{L}'’-]*)*`;
const ANY_INITIALS = String.raw`(?:\p{Lu}{1,3}(?:-\p{Lu}{1,2})?|${INITIAL}(?:[\s-]*\p{L}\p{Ll}?\.)*)`;
/** "Kukla, D.", "Li, J", "Heath, R. W., Jr.": surname, comma, initials. */
const INVERTED_WITH_INITIALS = new RegExp(String.raw`^${SURNAME_WORDS},\s*${ANY_INITIALS}(?:,?\s*(?:Jr|Sr|II|III|IV)\.?)?$`, 'u');
/** "Chen C", "van der Berg JA", "Haenig C.": Vancouver (PubMed) style, surname then initials. */
const SURNAME_THEN_INITIALS = new RegExp(String.raw`^${SURNAME_WORDS}\s+${ANY_INITIALS}$`, 'u');
/** "J. Smith", "J.-P. Dupont", "R. J. van der Berg". */
const INITIALS_THEN_SURNAME = new RegExp(String.raw`^${INITIAL}(?:[\s-]*${INITIAL})*\s*${SURNAME_WORDS}$`, 'u');
const PARENTHESISED = /\(([^()]*(?:\([^()]*\)[^()]*)*)\)/gu;

/**
 * The people a text of names holds, each with the affiliations it gives in parentheses.
 *
 * - Commas, semicolons and a joining "and" outside parentheses separate names: "Ana Li (MIT,
 *   Cambridge), Bo Wu and Cy Ng". Semicolons, when there are any, separate people and commas
 *   between them may join a surname to its given names: "Smith, John; Doe, Jane".
 * - A part that is only initials or a suffix belongs to the name before it: bioRxiv's "Kukla, D.,
 *   Li, I.-J., Chen, R. J." is three people, kept in that surname-first form.
 * - "et al.", "and others" are dropped: "Chen C, Zhou Y, Watanabe H, et al." is three people.
 * - A single "Smith, John" or "Heath, Robert W." is one person, not two.
 *
 * Character references are decoded first, so that the semicolon of `&#xe4;` separates nothing.
 */
export function splitAuthorNames(text: string, source: NamesSource): RawAuthor[] {
  const decoded = decodeCharacterReferences(text);
  const cut = cutOutsideParentheses(decoded);
  if (!cut.separators.includes(';')) return peopleIn(decoded, cut, source);
  // Semicolons say the text is a list: each group between them is read as a joined list.
  return groupsBetweenSemicolons(cut).flatMap((group) => peopleIn(decoded, group, 'joined'));
}

function peopleIn(text: string, cut: Cut, source: NamesSource): RawAuthor[] {
  const parts = cut.pieces.map((piece) => text.slice(piece.start, piece.end).trim());
  const { names, truncated } = withoutListTail(parts);
  const people = attachInitialsAndSuffixes(names);
  if (people.length === 0) return [];
  if (isListOfPeople(people, cut, truncated, source)) return people.map(withAffiliations);
  const name = people.length === 1 ? people[0]! : text.slice(cut.pieces[0]!.start, cut.pieces.at(-1)!.end).trim();
  // One author element is one name as the source wrote it: "Yang (Leo) Liu" keeps its parentheses.
  return [source === 'joined' ? withAffiliations(name) : { name, affiliations: [] }];
}

function isListOfPeople(people: readonly string[], cut: Cut, truncated: boolean, source: NamesSource): boolean {
  if (people.length < 2) return false;
  const joinedByAnd = cut.separators.includes('and');
  if (source === 'joined') return !isOneInvertedName(people, joinedByAnd || truncated);
  return clearlyListsPeople(people, joinedByAnd, truncated);
}

/** One pass over the text; "(" and ")" nest, and nothing inside them separates. */
function cutOutsideParentheses(text: string): Cut {
  const pieces: Piece[] = [];
  const separators: Separator[] = [];
  let depth = 0;
  let start = 0;
  const cutAt = (end: number, next: number, separator: Separator) => {
    pieces.push({ start, end });
    separators.push(separator);
    start = next;
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (char === ',' || char === ';') cutAt(index, index + 1, char);
    else if (isJoiningAnd(text, index)) {
      cutAt(index, index + 5, 'and');
      index += 4;
    }
  }
  pieces.push({ start, end: text.length });
  return dropEmptyPieces(text, { pieces, separators });
}

/** " and " between two names, at index (the white space before it). */
function isJoiningAnd(text: string, index: number): boolean {
  // Most characters are not white space followed by an "a": that settles it cheaply.
  if ((text.charCodeAt(index + 1) | 0x20) !== 0x61 || !/\s/u.test(text[index]!)) return false;
  return /^and\s/iu.test(text.slice(index + 1, index + 5));
}

/** ", and" and ",," leave empty pieces: gone, the stronger separator kept (";" over "," over "and"). */
function dropEmptyPieces(text: string, cut: Cut): Cut {
  const pieces: Piece[] = [];
  const separators: Separator[] = [];
  let pending: Separator | null = null;
  cut.pieces.forEach((piece, index) => {
    const separator = cut.separators[index - 1];
    if (separator !== undefined) pending = strongerSeparator(pending, separator);
    if (text.slice(piece.start, piece.end).trim() === '') return;
    if (pieces.length > 0 && pending !== null) separators.push(pending);
    pieces.push(piece);
    pending = null;
  });
  return { pieces, separators };
}

function strongerSeparator(a: Separator | null, b: Separator): Separator {
  return a !== null && SEPARATOR_RANK[a] >= SEPARATOR_RANK[b] ? a : b;
}

function groupsBetweenSemicolons(cut: Cut): Cut[] {
  const groups: Cut[] = [{ pieces: [cut.pieces[0]!], separators: [] }];
  cut.separators.forEach((separator, index) => {
    const piece = cut.pieces[index + 1]!;
    if (separator === ';') groups.push({ pieces: [piece], separators: [] });
    else {
      const group = groups.at(-1)!;
      group.pieces.push(piece);
      group.separators.push(separator);
    }
  });
  return groups;
}

/** "et al.", "others" (from "and others") and a trailing "… et al." removed. */
function withoutListTail(parts: readonly string[]): { names: string[]; truncated: boolean } {
  let truncated = false;
  const names: string[] = [];
  for (const part of parts) {
    const name = mayEndTheList(part) ? part.replace(LIST_TAIL, '').replace(TRAILING_ET_AL, '') : part;
    if (name !== part) truncated = true;
    if (name !== '') names.push(name);
  }
  return { names, truncated };
}

/** Most parts end in a letter of a name: only "…al", "…al.", "…rs", "…tc." can end a list. */
function mayEndTheList(part: string): boolean {
  const end = part.slice(-3).toLowerCase();
  return end.endsWith('al') || end.endsWith('al.') || end.endsWith('ers') || end.endsWith('tc.') || end.endsWith('etc');
}

/**
 * Initials and suffixes joined to the name before them: "Kukla", "D." → "Kukla, D.";
 * "Robert W. Heath", "Jr." → "Robert W. Heath, Jr.". Initials join only in a list written surname,
 * initials (bioRxiv's): arXiv lists full names, and "Yiping Bao, M. C., Jianfeng Cai" is three
 * people. Initials without dots join only when the whole list alternates surname, initials
 * ("Kukla, D, Crampton, A"), so that "A, B and C" stay three people.
 */
function attachInitialsAndSuffixes(parts: readonly string[]): string[] {
  if (alternatesSurnameAndBareInitials(parts)) {
    const pairs: string[] = [];
    for (let i = 0; i < parts.length; i += 2) pairs.push(`${parts[i]}, ${parts[i + 1]}`);
    return pairs;
  }
  const pairsInitials = isSurnameInitialsList(parts);
  const names: string[] = [];
  for (const part of parts) {
    const previous = names.at(-1);
    const belongsToPrevious = isNameSuffix(part) || (pairsInitials && isDottedInitials(part));
    if (previous !== undefined && belongsToPrevious && !isDottedInitials(previous)) names[names.length - 1] = `${previous}, ${part}`;
    else names.push(part);
  }
  return names;
}

/**
 * "Surname, I., Surname, I.-J." with dotted initials: at least two thirds of the other parts have
 * initials after them, which leaves room for a consortium without initials among the people.
 */
function isSurnameInitialsList(parts: readonly string[]): boolean {
  let initials = 0;
  for (const [i, part] of parts.entries()) {
    if (!isDottedInitials(part) || isNameSuffix(part)) continue;
    if (i === 0 || isDottedInitials(parts[i - 1]!)) return false;
    initials += 1;
  }
  return initials > 0 && initials * 3 >= (parts.length - initials) * 2;
}

// Both end in a dot or are short: the length and last character settle most parts without a regular expression.
function isDottedInitials(part: string): boolean {
  return part.endsWith('.') && DOTTED_INITIALS.test(part);
}

function isNameSuffix(part: string): boolean {
  return part.length <= 4 && NAME_SUFFIX.test(part);
}

function alternatesSurnameAndBareInitials(parts: readonly string[]): boolean {
  if (parts.length < 2 || parts.length % 2 !== 0) return false;
  return parts.every((part, i) => (i % 2 === 1 ? BARE_INITIALS.test(part) : /\p{Ll}/u.test(part) && !BARE_INITIALS.test(part)));
}

/** "Smith, John" or "van der Berg, Jan A." from a joined field: one person written surname first. */
function isOneInvertedName(people: readonly string[], listed: boolean): boolean {
  return !listed && people.length === 2 && LONE_SURNAME.test(people[0]!) && GIVEN_NAMES.test(people[1]!);
}

/**
 * Whether one author element names several people. A lone comma may be "Surname, Given"
 * ("Garcia Marquez, Gabriel Jose"), so full names count as a list only with an "and" or two
 * commas; abbreviated names cannot be read as "Surname, Given", so two are enough.
 */
function clearlyListsPeople(people: readonly string[], joinedByAnd: boolean, truncated: boolean): boolean {
  if (truncated || people.every(isAbbreviatedName)) return true;
  return (joinedByAnd || people.length >= 3) && people.every(isFullName);
}

/** A name whose given part is initials only: "Kukla, D.", "Chen C", "J. Smith". */
export function isAbbreviatedName(name: string): boolean {
  const bare = withoutParentheses(name);
  return INVERTED_WITH_INITIALS.test(bare) || SURNAME_THEN_INITIALS.test(bare) || INITIALS_THEN_SURNAME.test(bare);
}

/** Two words or more, the first a capitalised one: "Ana Li", "Kimi Team", not "Smith" or "B". */
function isFullName(name: string): boolean {
  const words = withoutParentheses(name).split(/\s+/u);
  return words.length >= 2 && /^\p{Lu}/u.test(words[0]!);
}

function withoutParentheses(name: string): string {
  return name.replace(PARENTHESISED, ' ').replace(/\s+/gu, ' ').trim();
}

/** "Ana Li (MIT, Cambridge)" → Ana Li, with "MIT, Cambridge" as one affiliation. */
function withAffiliations(text: string): RawAuthor {
  const affiliations: string[] = [];
  if (!text.includes('(')) return { name: text, affiliations };
  const name = text.replace(PARENTHESISED, (_all, inner: string) => {
    affiliations.push(inner);
    return ' ';
  });
  return { name, affiliations };
}

/** Names for one line of text: "; " between them when a name holds a comma ("Kukla, D."), so that each person stays one. */
export function joinAuthorNames(names: readonly string[]): string {
  return names.join(names.some((name) => name.includes(',')) ? '; ' : ', ');
}
