import type { PageKey, PaperPage, PaperRecord } from './records';

/* How stored papers lie in pages (PaperPage): the writer and the upgrade to pages lay them out so. */

/** The most papers on one page: few enough that reading one paper reads little else, many enough that a batch is a few records. */
export const PAPERS_PER_PAGE = 20;

/** One batch's papers, written as `generation`, on pages numbered from 0. */
export function pagesOf(papers: readonly PaperRecord[], generation: number): PaperPage[] {
  const pages: PaperPage[] = [];
  for (let start = 0; start < papers.length; start += PAPERS_PER_PAGE) {
    pages.push(pageOf(generation, pages.length, papers.slice(start, start + PAPERS_PER_PAGE)));
  }
  return pages;
}

/** A page of papers, its indexed fields made from them. */
export function pageOf(generation: number, part: number, papers: PaperRecord[]): PaperPage {
  return { generation, part, ids: papers.map((paper) => paper.id), papers };
}

export const keyOfPage = (page: PaperPage): PageKey => [page.generation, page.part];
