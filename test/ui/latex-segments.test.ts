import { describe, expect, it } from 'vitest';
import { hasLatex, latexSegments } from '../../renderer/ui/latex-segments';

describe('arXiv text with LaTeX', () => {
  it('finds inline and display math in every form arXiv abstracts use', () => {
    expect(latexSegments('Let $k$ be, then $$x^2$$ and \\(y\\) or \\[z\\].')).toEqual([
      { kind: 'text', text: 'Let ' },
      { kind: 'math', tex: 'k', display: false },
      { kind: 'text', text: ' be, then ' },
      { kind: 'math', tex: 'x^2', display: true },
      { kind: 'text', text: ' and ' },
      { kind: 'math', tex: 'y', display: false },
      { kind: 'text', text: ' or ' },
      { kind: 'math', tex: 'z', display: true },
      { kind: 'text', text: '.' },
    ]);
  });

  it('typesets equation and align environments whole, in display mode', () => {
    const align = '\\begin{align} a &= b \\\\ c &= d \\end{align}';
    expect(latexSegments(`We show ${align} holds.`)[1]).toEqual({ kind: 'math', tex: align, display: true });
    expect(latexSegments('\\begin{equation*}E=mc^2\\end{equation*}')).toEqual([{ kind: 'math', tex: '\\begin{equation*}E=mc^2\\end{equation*}', display: true }]);
  });

  it('turns \\emph, {\\em …}, \\textit, \\textbf and {\\bf …} into emphasis', () => {
    expect(latexSegments('a \\emph{new} and {\\em old} \\textbf{bold} {\\bf strong} \\textit{it}')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'em', text: 'new' },
      { kind: 'text', text: ' and ' },
      { kind: 'em', text: 'old' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', text: 'bold' },
      { kind: 'text', text: ' ' },
      { kind: 'strong', text: 'strong' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'it' },
    ]);
  });

  it('leaves text without LaTeX alone, a lone dollar included', () => {
    expect(hasLatex('Costs $5 per GPU hour')).toBe(false);
    expect(hasLatex('How <SEG> Token Works')).toBe(false);
    expect(latexSegments('plain')).toEqual([{ kind: 'text', text: 'plain' }]);
    expect(hasLatex('Scaling $k$-NN')).toBe(true);
  });
});
