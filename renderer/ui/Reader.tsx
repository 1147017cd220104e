import { formatDate } from './format-date';
import type { ListedPaper } from './use-library';

interface Props {
  item: ListedPaper | undefined;
  onToggleStar: () => void;
  onToggleRead: () => void;
}

/** The reading pane. Every field is rendered as text: a title may literally contain "<SEG>". */
export function Reader({ item, onToggleStar, onToggleRead }: Props) {
  if (!item) {
    return (
      <article className="reader reader-empty" aria-label="Reader">
        <p>Select a paper to read it.</p>
      </article>
    );
  }
  const { paper, read, starred } = item;
  return (
    <article className="reader" aria-labelledby="reader-title">
      <h2 id="reader-title">{paper.title}</h2>
      <p className="reader-meta">
        {formatDate(paper.published)}
        {paper.authors.length > 0 && ` · ${paper.authors.join(', ')}`}
      </p>
      <div className="reader-actions">
        <button type="button" aria-pressed={starred} onClick={onToggleStar}>
          {starred ? 'Unstar' : 'Star'}
        </button>
        <button type="button" aria-pressed={read} onClick={onToggleRead}>
          {read ? 'Mark as unread' : 'Mark as read'}
        </button>
      </div>
      <div className="reader-abstract">
        {paper.abstract.split(/\n{2,}/u).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
      <footer className="reader-sources">
        <h3>Listed in</h3>
        <ul>
          {paper.listings.map((listing) => (
            <li key={`${listing.hash}/${listing.file}`}>
              {listing.file} <span className="muted">· seen {formatDate(listing.seenAt.slice(0, 10))}</span>
            </li>
          ))}
        </ul>
      </footer>
    </article>
  );
}
