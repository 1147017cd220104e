// citation-js ships no types: the small part of its public API that the export uses.

declare module '@citation-js/core' {
  export class Cite {
    /** CSL-JSON items, or text in a format a plugin reads (RIS, BibTeX). */
    constructor(data: string | object | object[]);
    /** The items as CSL-JSON. */
    readonly data: Record<string, unknown>[];
    format(format: 'bibtex' | 'ris', options?: { format?: 'text' }): string;
    /** BibTeX entries as objects, their field values already escaped. */
    format(format: 'bibtex', options: { format: 'object' }): { type: string; label: string; properties: Record<string, string> }[];
  }
}

declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';

