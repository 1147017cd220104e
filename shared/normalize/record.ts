import type { RawRecord } from '../feeds/raw-record';
import type { PaperLinks, ParsedPaper } from '../paper';
import { findArxivRef, huggingFacePaperUrl, type ArxivRef } from './arxiv-id';
import { normaliseAuthors } from './authors';
import { toIsoDate } from './dates';
import { decodeCharacterReferences } from './character-references';
import { classify } from './classification';
import { takeDescriptionFields } from './description-fields';
import { findDoi, findDoiInText } from './doi';
import type { HtmlTools } from './html-tools';
import { foldLatex } from './latex';
import { collapseWhitespace, isBlankTitle, normaliseTitle } from './title';
import { findPmid, pubmedPage } from './pmid';
import { canonicalUrl } from './url';

/** Turns what a parser read into a clean paper; null when there is no title to show. */
export function normaliseRecord(record: RawRecord, html: HtmlTools): ParsedPaper | null {
  const raw = takeDescriptionFields(record, html);
  // Twice-escaped references ("K&amp;#xe4;llberg") are decoded in every field, as in names.
  const title = collapseWhitespace(foldLatex(decodeCharacterReferences(raw.titleIsMarkup ? html.toText(raw.title) : raw.title)));
  if (isBlankTitle(title)) return null;

  const identifiers = [...raw.identifiers, ...(raw.link ? [raw.link] : []), ...(raw.doi ? [raw.doi] : [])];
  const arxiv = findArxivRef(identifiers);
  const abstract = normaliseAbstract(raw, html);
  // An arXiv abstract's DOIs name code and data; a journal feed may give its paper's DOI only there.
  const doi = findDoi([raw.doi, ...raw.identifiers]) ?? (arxiv ? null : findDoiInText(abstract.abstractSource ?? abstract.abstract));
  const url = arxiv || doi ? null : canonicalUrl(raw.link) ?? firstWebUrl(raw.identifiers);
  const { names, affiliations } = normaliseAuthors(raw.authors);
  const { categories, classes } = classify(raw.categories);
  const primary = raw.primaryCategory ? classify([raw.primaryCategory]).categories[0] : undefined;

  return {
    id: arxiv ? `arxiv:${arxiv.id}` : doi ? `doi:${doi}` : url ? `url:${url}` : `title:${normaliseTitle(title)}`,
    arxivId: arxiv?.id ?? null,
    version: arxiv?.version ?? null,
    doi: doi ?? arxivDoi(arxiv),
    url,
    title,
    ...abstract,
    authors: names,
    affiliations,
    published: toIsoDate(raw.published),
    updated: toIsoDate(raw.updated),
    categories,
    primaryCategory: primary ?? (raw.isArxivSource ? (categories[0] ?? null) : null),
    classes,
    comment: cleanLine(raw.comment),
    journalRef: cleanLine(raw.journalRef),
    links: links(raw, arxiv, doi),
    announceType: raw.announceType,
  };
}

function normaliseAbstract(raw: RawRecord, html: HtmlTools): Pick<ParsedPaper, 'abstract' | 'abstractHtml' | 'abstractSource'> {
  if (raw.abstract === null) return { abstract: '', abstractHtml: null, abstractSource: null };
  if (raw.abstractIsHtml) {
    const text = paragraphs(html.toText(raw.abstract));
    const folded = raw.isArxivSource ? foldLatex(text) : text;
    return { abstract: folded, abstractHtml: html.sanitize(raw.abstract), abstractSource: folded === text ? null : text };
  }
  const text = paragraphs(raw.abstract);
  const folded = foldLatex(text);
  return { abstract: folded, abstractHtml: null, abstractSource: folded === text ? null : text };
}

/** Whitespace collapsed within paragraphs; a blank line between them kept. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/u)
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

function links(raw: RawRecord, arxiv: ArxivRef | null, doi: string | null): PaperLinks {
  if (arxiv) {
    return {
      abs: `https://arxiv.org/abs/${arxiv.id}`,
      pdf: `https://arxiv.org/pdf/${arxiv.id}`,
      doi: doi ? `https://doi.org/${doi}` : null,
      hf: huggingFacePaperUrl(arxiv.id),
    };
  }
  // A PubMed id given only as an identifier ("pmid:123") links to PubMed's page: the reader gets a
  // link, and the paper a `pmid:` merge key, as one listed by that page's link has (merge.ts).
  const pmid = findPmid(raw.identifiers);
  return {
    abs: canonicalUrl(raw.link) ?? (pmid === null ? null : pubmedPage(pmid)),
    pdf: canonicalUrl(raw.pdfLink),
    doi: doi ? `https://doi.org/${doi}` : null,
    hf: null,
  };
}

/** arXiv registers a DOI for every paper: 10.48550/arXiv.<id>. */
function arxivDoi(arxiv: ArxivRef | null): string | null {
  return arxiv ? `10.48550/arxiv.${arxiv.id}` : null;
}

function firstWebUrl(values: readonly string[]): string | null {
  for (const value of values) {
    const url = canonicalUrl(value);
    if (url) return url;
  }
  return null;
}

function cleanLine(text: string | null): string | null {
  if (text === null) return null;
  const clean = collapseWhitespace(foldLatex(decodeCharacterReferences(text)));
  return clean === '' ? null : clean;
}
