import type { Paper } from '../../shared/paper';

/** The JSON export: a versioned envelope around the papers as Paperdrop stores them (docs/export.md). */
export interface PaperExportDocument {
  format: 'paperdrop-papers';
  /** Bumped when a field changes meaning or goes away; new fields may appear within a version. */
  version: 1;
  /** When the file was made, ISO 8601. */
  exportedAt: string;
  papers: Paper[];
}

/** The papers as a JSON document, indented for reading. */
export function toJson(papers: readonly Paper[], exportedAt: Date): string {
  const document: PaperExportDocument = { format: 'paperdrop-papers', version: 1, exportedAt: exportedAt.toISOString(), papers: [...papers] };
  return `${JSON.stringify(document, null, 2)}\n`;
}
