import { memo } from 'react';
import type { MatchTerm } from '../search/highlight';
import { matchSnippet } from '../search/snippet';
import { formatDate } from './format-date';
import { RichText } from './RichText';
import type { ListedPaper } from './use-library';

interface Props {
  paper: ListedPaper['paper'];
  read: boolean;
  starred: boolean;
  selected: boolean;
  /** The list's one Tab stop. */
  tabbable: boolean;
  terms: MatchTerm[];
  onOpen: (id: string) => void;
}

/**
 * One paper in the list. Memoised by what it shows: every mark change reads the rows' papers again
 * as new objects, and typesetting a screenful of titles and snippets on each key press is what a
 * key press cannot afford. A paper is the same while its id and the generation that wrote it are.
 */
export const PaperRow = memo(
  function PaperRow({ paper, read, starred, selected, tabbable, terms, onOpen }: Props) {
    return (
      <button
        type="button"
        className={`paper-row${read ? '' : ' unread'}${selected ? ' selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        tabIndex={tabbable ? 0 : -1}
        onClick={() => onOpen(paper.id)}
      >
        <span className="paper-row-title" title={paper.title}>
          <RichText text={paper.title} terms={terms} latex={paper.arxivId !== null} />
        </span>
        <span className="paper-row-meta">
          {starred && <span className="star-mark" aria-label="starred">★ </span>}
          {!read && <span className="visually-hidden">unread, </span>}
          {[formatDate(paper.sortKey), authorLine(paper.authors)].filter(Boolean).join(' · ')}
        </span>
        <span className="paper-row-snippet">
          <RichText text={matchSnippet(paper.abstract, terms)} terms={terms} latex={paper.arxivId !== null} />
        </span>
      </button>
    );
  },
  (before, after) =>
    before.paper.id === after.paper.id &&
    before.paper.generation === after.paper.generation &&
    before.read === after.read &&
    before.starred === after.starred &&
    before.selected === after.selected &&
    before.tabbable === after.tabbable &&
    before.terms === after.terms &&
    before.onOpen === after.onOpen,
);

function authorLine(authors: string[]): string {
  if (authors.length <= 2) return authors.join(' and ');
  return `${authors[0]} et al.`;
}
