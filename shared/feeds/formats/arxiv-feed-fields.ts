import type { AnnounceType } from '../../paper';

/**
 * How far into a file the arXiv detectors look for their first entry. The legacy RDF feed lists
 * every item's URL in its channel before the first item, so this reaches past a long list.
 */
const ENTRIES_HEAD_LENGTH = 65_536;

/** The start of the file, long enough to hold a feed's first entry. */
export function entriesHead(text: string): string {
  return text.slice(0, ENTRIES_HEAD_LENGTH);
}

const ANNOUNCE_TYPES: readonly AnnounceType[] = ['new', 'cross', 'replace', 'replace-cross'];

export function toAnnounceType(value: string | undefined): AnnounceType | null {
  const type = value?.trim().toLowerCase();
  return ANNOUNCE_TYPES.find((known) => known === type) ?? null;
}

/** What rss.arxiv.org writes at the head of every description: `arXiv:<id> Announce Type: <type> \nAbstract: …`. */
export interface Announcement {
  /** The versioned id after `arXiv:`, e.g. `2203.01250v3`. */
  arxivId: string | null;
  announceType: AnnounceType | null;
  abstract: string;
}

// A re-publisher that wraps the description in HTML may put tags between the parts (`new</p><p>Abstract:`).
const ANNOUNCEMENT_HEAD = /arXiv:([^\s<]+)(?:\s|<[^<>]*>)+Announce Type:\s*([^\s<]+)(?:\s|<[^<>]*>)+Abstract:\s*/u;

/**
 * Splits an rss.arxiv.org description into its id, announce type and abstract. Text before the
 * `arXiv:` line is not arXiv's (re-publishers put their own notes there) and is dropped; a
 * description without the head is all abstract.
 */
export function splitAnnouncement(description: string): Announcement {
  const head = ANNOUNCEMENT_HEAD.exec(description);
  if (!head) return { arxivId: null, announceType: null, abstract: description };
  return {
    arxivId: head[1]!,
    announceType: toAnnounceType(head[2]),
    abstract: description.slice(head.index + head[0].length),
  };
}

// Re-publishers sometimes prefix arXiv's OAI identifier a second time.
const OAI_IDENTIFIER = /^\s*(?:oai:arXiv\.org:)+(\S+?)\s*$/iu;

/** The versioned arXiv id in an OAI identifier (`oai:arXiv.org:2203.01250v3` → `2203.01250v3`). */
export function arxivIdFromOaiIdentifier(value: string | undefined): string | null {
  return (value && OAI_IDENTIFIER.exec(value)?.[1]) || null;
}
