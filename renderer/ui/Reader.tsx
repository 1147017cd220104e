import { lazy, Suspense, type Ref } from 'react';
import { commandById, type Command } from '../commands/registry';
import { describeCategory } from '../../shared/arxiv-taxonomy';
import { joinAuthorNames } from '../../shared/normalize/author-list';
import type { Paper, PaperLinks } from '../../shared/paper';
import type { ExportFormat } from '../export/export-file';
import { ExportMenu } from './ExportMenu';
import type { MatchTerm } from '../search/highlight';
import { Highlighted } from './Highlighted';
import { RichText } from './RichText';
import { formatDate } from './format-date';
import type { ListedPaper } from './use-library';

interface Props {
  ref: Ref<HTMLElement>;
  item: ListedPaper | undefined;
  terms: MatchTerm[];
  onCommand: (command: Command) => void;
  onExport: (format: ExportFormat, paper: Paper) => void;
}

// KaTeX and DOMPurify are over a third of the page's script: they load when a paper is first
// opened, so that a start with no paper open parses, and waits for, none of it.
const AbstractText = lazy(() => import('./AbstractText').then((module) => ({ default: module.AbstractText })));

const LINK_LABELS: Record<keyof PaperLinks, string> = { abs: 'Abstract page', pdf: 'PDF', doi: 'DOI', hf: 'Hugging Face' };

/** The reading pane. Titles and names are rendered as text: a title may literally contain "<SEG>". */
export function Reader({ ref, item, terms, onCommand, onExport }: Props) {
  if (!item) {
    return (
      <article ref={ref} id="reader" tabIndex={-1} className="reader reader-empty" aria-label="Reader">
        <p>Select a paper to read it.</p>
      </article>
    );
  }
  const { paper, read, starred } = item;
  const links = (Object.keys(LINK_LABELS) as (keyof PaperLinks)[]).filter((kind) => paper.links[kind]);
  return (
    <article ref={ref} id="reader" tabIndex={-1} className="reader" aria-labelledby="reader-title">
      <h2 id="reader-title">
        <RichText text={paper.title} terms={terms} latex={paper.arxivId !== null} />
      </h2>
      {paper.authors.length > 0 && (
        <p className="reader-authors">
          <Highlighted text={joinAuthorNames(paper.authors)} terms={terms} />
        </p>
      )}
      <p className="reader-meta">
        {[
          // A daily listing without dates still has its listing date: the file name's, or the day it arrived.
          paper.published ? formatDate(paper.published) : paper.sortKey && `listed ${formatDate(paper.sortKey)}`,
          paper.arxivId && `arXiv:${paper.arxivId}${paper.version ? `v${paper.version}` : ''}`,
        ]
          .filter(Boolean)
          .join(' — ')}
      </p>
      {(paper.categories.length > 0 || paper.classes.length > 0) && (
        <ul className="reader-categories" aria-label="Categories">
          {paper.categories.map((category) => (
            <li key={category}>{describeCategory(category)}</li>
          ))}
          {paper.classes.map((code) => (
            <li key={code} className="muted">
              {code}
            </li>
          ))}
        </ul>
      )}
      <div className="reader-actions">
        <button type="button" aria-pressed={starred} onClick={() => onCommand(commandById('toggle-starred'))}>
          {starred ? 'Unstar' : 'Star'}
        </button>
        <button type="button" aria-pressed={read} onClick={() => onCommand(commandById('toggle-read'))}>
          {read ? 'Mark as unread' : 'Mark as read'}
        </button>
        <ExportMenu label="Export paper" onExport={(format) => onExport(format, paper)} />
        {links.map((kind) => (
          <a key={kind} className="reader-link" href={paper.links[kind]!} target="_blank" rel="noopener noreferrer">
            {LINK_LABELS[kind]}
          </a>
        ))}
      </div>
      <Suspense fallback={<div className="reader-abstract" aria-busy="true" />}>
        <AbstractText paper={paper} terms={terms} />
      </Suspense>
      {(paper.comment || paper.journalRef) && (
        <p className="reader-notes">{[paper.comment, paper.journalRef].filter(Boolean).join(' — ')}</p>
      )}
      <footer className="reader-sources">
        <h3>Listed in</h3>
        <ul>
          {paper.listings.map((listing) => (
            <li key={`${listing.hash}/${listing.file}`}>
              {listing.file}
              <span className="muted">
                {' '}
                · {listing.format}
                {listing.announceType && ` · ${listing.announceType}`}
                {listing.version && ` · v${listing.version}`} · seen {formatDate(listing.seenAt.slice(0, 10))}
              </span>
            </li>
          ))}
        </ul>
      </footer>
    </article>
  );
}
