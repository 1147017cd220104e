import { joinAuthorNames } from '../../shared/normalize/author-list';
import type { Paper } from '../../shared/paper';
import { paperUrl } from './paper-csl';

/** Backslash-escapes the characters that would turn text into Markdown markup. */
const text = (value: string) => value.replace(/[\\`*_[\]<>~#|]/g, '\\$&');

/** A link target in angle brackets, so parentheses and spaces in it cannot end it. */
const target = (url: string) => `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;

const link = (label: string, url: string) => `[${label}](${target(url)})`;

function paperItem(paper: Paper): string {
  const url = paperUrl(paper);
  const title = url === null ? `**${text(paper.title)}**` : `**${link(text(paper.title), url)}**`;
  const facts = [
    paper.published,
    paper.arxivId === null ? null : link(`arXiv:${paper.arxivId}`, `https://arxiv.org/abs/${paper.arxivId}`),
    paper.doi === null ? null : link(`doi:${text(paper.doi)}`, `https://doi.org/${paper.doi}`),
    paper.journalRef === null ? null : `*${text(paper.journalRef)}*`,
  ].filter((fact) => fact !== null);
  const lines = [`- ${title}`];
  if (paper.authors.length > 0) lines.push(`  ${text(joinAuthorNames(paper.authors))}`);
  if (facts.length > 0) lines.push(`  ${facts.join(' · ')}`);
  return lines.join('  \n');
}

/** The papers as a Markdown list: each title a link, then its authors, then date, arXiv id, DOI and journal. */
export function toMarkdown(papers: readonly Paper[]): string {
  return papers.map((paper) => `${paperItem(paper)}\n`).join('');
}
