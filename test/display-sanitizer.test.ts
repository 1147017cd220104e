// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeForDisplay } from '../renderer/ui/safe-html';

// What the reader shows is sanitized again at display, with the policy main stores by: a library
// written by an older Paperdrop may hold markup that main would no longer keep.
describe('the reader shows stored abstract HTML', () => {
  it('with the markup abstracts use, links opened in a new window', () => {
    expect(sanitizeForDisplay('<p>H<sub>2</sub>O <a href="https://doi.org/10.1/x" target="_blank" rel="noopener noreferrer">doi</a></p>')).toBe(
      '<p>H<sub>2</sub>O <a href="https://doi.org/10.1/x" target="_blank" rel="noopener noreferrer">doi</a></p>',
    );
  });

  it('without markup that no abstract needs, or names on the page', () => {
    const shown = sanitizeForDisplay(
      '<style>*{display:none}</style><select><option>a</option></select><textarea>b</textarea><marquee>c</marquee>' +
        '<template><p>d</p></template><a id="paperdrop" href="javascript:x()" class="overlay" style="position:fixed">e</a>',
    );
    expect(shown).not.toMatch(/<(?:style|select|textarea|marquee|template)|javascript:|class=|style=|id="paperdrop"/iu);
    document.body.innerHTML = shown;
    expect((window as unknown as Record<string, unknown>).paperdrop).toBeUndefined();
  });
});
