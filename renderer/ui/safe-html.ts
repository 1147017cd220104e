import DOMPurify from 'dompurify';
import katex from 'katex';
import { ABSTRACT_MARKUP_POLICY } from '../../shared/normalize/abstract-markup';

/** Feed HTML, sanitized again at display: the database may hold what an older Paperdrop wrote. */
export function sanitizeForDisplay(html: string): string {
  return DOMPurify.sanitize(html, ABSTRACT_MARKUP_POLICY);
}

/**
 * One LaTeX formula as MathML. MathML needs no inline styles, which the page's CSP forbids;
 * KaTeX's HTML output relies on them. Null when the formula does not parse.
 */
export function mathToMarkup(tex: string, displayMode: boolean): string | null {
  try {
    const markup = katex.renderToString(tex, { output: 'mathml', throwOnError: true, displayMode, trust: false });
    return DOMPurify.sanitize(markup, { USE_PROFILES: { mathMl: true } });
  } catch {
    return null;
  }
}
