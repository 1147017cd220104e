/** Combining marks for LaTeX's accent commands. */
const SYMBOL_ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '"': '\u0308',
  '=': '\u0304',
  '.': '\u0307',
};
const LETTER_ACCENTS: Record<string, string> = {
  c: '\u0327',
  v: '\u030C',
  u: '\u0306',
  H: '\u030B',
  r: '\u030A',
  k: '\u0328',
};
const LETTERS: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', l: 'ł', L: 'Ł', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', i: 'ı', j: 'ȷ',
};
const ABBREVIATIONS: Record<string, string> = { eg: 'e.g.', ie: 'i.e.', etal: 'et al.', vs: 'vs.', cf: 'cf.', etc: 'etc.' };

// \'c  \'{c}  {\'c}  \'\i  — and the letter accents, which need a brace or a space: \v{s}, \c c (never \vec).
const SYMBOL_ACCENT = /\{?\\(['`^~"=.])\s*(?:\{\s*\\?([A-Za-z])\s*\}|\\?([A-Za-z]))\}?/gu;
const LETTER_ACCENT = /\{?\\([cvuHrk])(?:\{\s*\\?([A-Za-z])\s*\}|\s+\\?([A-Za-z]))\}?/gu;
const LETTER_MACRO = /\{?\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])\}?(?:\{\})?\s?/gu;
const TEXT_COMMAND = /\\(?:textbf|textit|emph|textrm|textsf|texttt|text|mathrm|url|href\{[^}]*\})\{([^{}]*)\}/gu;
const ABBREVIATION = /\\(eg|ie|etal|vs|cf|etc)(?![A-Za-z])\.?/gu;
const MATH = /(\$\$[^$]+\$\$|\$[^$]+\$|\\\([^)]*\\\)|\\\[[^\]]*\\\])/u;

/** Each rewrite of prose, in order, with a string it cannot match without: most text needs few of them. */
const PROSE_REWRITES: readonly { needs: string; rewrite: (text: string) => string }[] = [
  {
    needs: '\\',
    rewrite: (text) =>
      text
        .replace(SYMBOL_ACCENT, (_all, accent: string, braced?: string, bare?: string) => accented(braced ?? bare!, SYMBOL_ACCENTS[accent]!))
        .replace(LETTER_ACCENT, (_all, accent: string, braced?: string, bare?: string) => accented(braced ?? bare!, LETTER_ACCENTS[accent]!))
        .replace(LETTER_MACRO, (_all, name: string) => LETTERS[name]!)
        .replace(TEXT_COMMAND, '$1')
        .replace(ABBREVIATION, (_all, name: string) => ABBREVIATIONS[name]!),
  },
  { needs: '`', rewrite: (text) => text.replace(/``(.*?)''/gu, '“$1”').replace(/(^|[\s(])`([^`']*)'(?=[\s).,;:]|$)/gu, '$1‘$2’') },
  { needs: '\\', rewrite: (text) => text.replace(/\\([%&_#$ ])/gu, '$1') },
  { needs: '~', rewrite: (text) => text.replace(/(\w)~(?=[\w\\])/gu, '$1 ') },
  { needs: 'times', rewrite: (text) => text.replace(/(\d)times\b/gu, '$1×').replace(/\b([a-zA-Z])times ([a-zA-Z])\b/gu, '$1×$2') },
];
/** Text without any of these has nothing to fold and no math to keep apart. */
const LATEX_HINT = /[\\`~$]|times/u;

/**
 * Folds LaTeX that arXiv abstracts and page dumps leave in plain text: accents (Vuli\'c → Vulić),
 * quotes (``x'' → “x”), \eg and friends, escaped symbols, and "20times" that lost its backslash.
 * Math between dollars is kept as it is, for KaTeX to render.
 */
export function foldLatex(text: string): string {
  if (!LATEX_HINT.test(text)) return text;
  return text
    .split(MATH)
    .map((part, index) => (index % 2 === 1 ? part : foldProse(part)))
    .join('');
}

function foldProse(text: string): string {
  let folded = text;
  for (const { needs, rewrite } of PROSE_REWRITES) {
    if (folded.includes(needs)) folded = rewrite(folded);
  }
  return folded;
}

function accented(letter: string, mark: string): string {
  return `${letter}${mark}`.normalize('NFC');
}
