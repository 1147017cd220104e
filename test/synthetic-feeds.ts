import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderArxivRss } from './bench/arxiv-feeds';

/**
 * Writes arXiv RSS files `file-N.xml` for N from `first`, each of `papersPerFile` distinct papers
 * whose ids and titles name their file, so a test can count and find every one without ../shared.
 */
export async function writeArxivFiles(folder: string, first: number, count: number, papersPerFile: number, topic: string): Promise<void> {
  for (let file = first; file < first + count; file += 1) {
    const records = Array.from({ length: papersPerFile }, (_unused, index) => ({
      id: `2409.${String(file * papersPerFile + index).padStart(5, '0')}`,
      title: `Paper ${index} of file ${file} on ${topic}`,
      abstract: `We study file ${file}, paper ${index}.`,
      authors: ['A. Author'],
      published: '2024-09-02',
      categories: ['cs.DL'],
      source_repo: topic,
    }));
    await writeFile(join(folder, `file-${file}.xml`), renderArxivRss(records, 'cs.DL'));
  }
}
