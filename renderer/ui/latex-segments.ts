/** A piece of arXiv text: plain, math for KaTeX, or text that LaTeX emphasises. */
export type LatexSegment =
  | { kind: 'text'; text: string }
  | { kind: 'math'; tex: string; display: boolean }
  | { kind: 'em'; text: string }
  | { kind: 'strong'; text: string };

const DISPLAY_ENVIRONMENTS = 'equation\\*?|align\\*?|gather\\*?|multline\\*?|eqnarray\\*?';

/**
 * Math first ($$…$$, \[…\], equation and align environments, $…$, \(…\)), then \emph, {\em …},
 * \textit, \textbf and {\bf …}. Groups hold no braces of their own: arXiv titles and abstracts rarely nest them.
 */
const PATTERN = new RegExp(
  [
    String.raw`\$\$(?<display>[^$]+)\$\$`,
    String.raw`\\\[(?<bracket>[\s\S]+?)\\\]`,
    String.raw`(?<environment>\\begin\{(?<name>${DISPLAY_ENVIRONMENTS})\}[\s\S]+?\\end\{\k<name>\})`,
    String.raw`\$(?<inline>[^$]+)\$`,
    String.raw`\\\((?<paren>[\s\S]+?)\\\)`,
    String.raw`\\(?:emph|textit)\{(?<em>[^{}]*)\}`,
    String.raw`\{\\(?:em|it)\s+(?<emGroup>[^{}]*)\}`,
    String.raw`\\textbf\{(?<strong>[^{}]*)\}`,
    String.raw`\{\\bf\s+(?<strongGroup>[^{}]*)\}`,
  ].join('|'),
  'gu',
);

export function latexSegments(text: string): LatexSegment[] {
  const segments: LatexSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(PATTERN)) {
    if (match.index > at) segments.push({ kind: 'text', text: text.slice(at, match.index) });
    const groups = match.groups!;
    const display = groups.display ?? groups.bracket ?? groups.environment;
    const inline = groups.inline ?? groups.paren;
    const em = groups.em ?? groups.emGroup;
    const strong = groups.strong ?? groups.strongGroup;
    if (display !== undefined) segments.push({ kind: 'math', tex: display, display: true });
    else if (inline !== undefined) segments.push({ kind: 'math', tex: inline, display: false });
    else if (em !== undefined) segments.push({ kind: 'em', text: em });
    else segments.push({ kind: 'strong', text: strong! });
    at = match.index + match[0].length;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) });
  return segments;
}

const ANY_LATEX = new RegExp(PATTERN.source, 'u');

/** True when the text holds anything latexSegments would typeset: plain text needs no KaTeX. Run for every row shown. */
export function hasLatex(text: string): boolean {
  return ANY_LATEX.test(text);
}
