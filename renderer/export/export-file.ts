import { localDay } from '../../shared/listing-date';
import type { Paper } from '../../shared/paper';

export type ExportFormat = 'bibtex' | 'markdown' | 'json' | 'ris';

/** The menu's items, in order, with their labels. */
export const EXPORT_FORMATS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'bibtex', label: 'BibTeX' },
  { format: 'markdown', label: 'Markdown' },
  { format: 'json', label: 'JSON' },
  { format: 'ris', label: 'RIS' },
];

const FILE_TYPES: Record<ExportFormat, { extension: string; mimeType: string }> = {
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex' },
  markdown: { extension: 'md', mimeType: 'text/markdown' },
  json: { extension: 'json', mimeType: 'application/json' },
  ris: { extension: 'ris', mimeType: 'application/x-research-info-systems' },
};

/**
 * The file to save: `paperdrop-<view>-<local date>.<extension>`, e.g. paperdrop-starred-2026-12-05.bib,
 * the view's name reduced to lower-case ASCII letters, digits, dots and dashes.
 */
export function exportFile(format: ExportFormat, viewName: string, date: Date): { fileName: string; mimeType: string } {
  const view = viewName.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'papers';
  const day = localDay(date);
  const { extension, mimeType } = FILE_TYPES[format];
  return { fileName: `paperdrop-${view}-${day}.${extension}`, mimeType };
}

/** The file's text. Each format's code, citation-js with it, loads on its first use. */
export async function exportPapers(format: ExportFormat, papers: readonly Paper[], now: Date): Promise<string> {
  switch (format) {
    case 'bibtex':
      return (await import('./bibtex')).toBibtex(papers);
    case 'ris':
      return (await import('./ris')).toRis(papers);
    case 'markdown':
      return (await import('./markdown')).toMarkdown(papers);
    case 'json':
      return (await import('./json')).toJson(papers, now);
  }
}
