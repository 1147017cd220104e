import type { CslName } from './csl-name';
import { Cite } from './load-citation-js';

/** Text as citation-js escapes a BibTeX text field (here its `note`): ASCII, LaTeX specials escaped. */
function escapedText(text: string): string {
  const [entry] = new Cite({ id: 'name', type: 'document', note: text }).format('bibtex', { format: 'object' });
  return (entry?.properties.note ?? '').trim();
}

/**
 * Authors as citation-js can write them in BibTeX. It writes a one-part name (a collaboration, a
 * mononym, a particle and family with no given name) braced but not escaped, and a two-part name
 * whose part escapes to nothing (a script with no ASCII form) as "Family," or ", Given", which
 * BibTeX refuses (plugin-bibtex 0.8 and 0.9). So a one-part name goes to it already escaped by its
 * own text escaping, and a name with nothing left of its family name is left out.
 */
export function bibtexNames(names: readonly CslName[]): CslName[] {
  return names.flatMap((name): CslName[] => {
    if ('literal' in name) return whole(name.literal);
    if (escapedText(name.family) === '') return [];
    if (name.given === undefined || escapedText(name.given) === '') return whole([name['non-dropping-particle'], name.family].join(' '));
    return [name];
  });
}

function whole(text: string): CslName[] {
  const literal = escapedText(text);
  return literal === '' ? [] : [{ literal }];
}
