import type { RawRecord } from '../feeds/raw-record';
import { splitAuthorNames } from './author-list';
import type { HtmlTools } from './html-tools';
import { collapseWhitespace } from './title';

/** The fields a labelled line of a description fills ("Author(s): A, B" → authors). */
type LabelledField = 'authors' | 'published' | 'updated' | 'comment' | 'journalRef' | 'doi';

/**
 * Labels feeds put in front of metadata inside a description: ScienceDirect ("Publication date:",
 * "Source:", "Author(s):"), Hugging Face digests ("Authors:", "Upvotes:", "Summary:"), arXiv-style
 * bots ("Published:", "Updated:", "Comments:"), Crossref-built feeds ("DOI:").
 */
const LABELS: readonly [RegExp, LabelledField | 'drop' | 'abstract'][] = [
  [/^(?:authors?|author\(s\)|creators?)$/iu, 'authors'],
  [/^(?:published|publication date|date published|online publication date|first published)$/iu, 'published'],
  [/^(?:updated|last updated|revised)$/iu, 'updated'],
  [/^(?:comments?)$/iu, 'comment'],
  [/^(?:source|journal|journal reference|journal-ref|citation)$/iu, 'journalRef'],
  [/^doi$/iu, 'doi'],
  [/^(?:upvotes|votes|likes|github stars)$/iu, 'drop'],
  [/^(?:summary|abstract|tl;?dr)$/iu, 'abstract'],
];

const LABELLED_LINE = /^\s*([A-Za-z][A-Za-z ();-]{0,30}?)\s*[:：]\s*(.*)$/su;
/** "ZooKeys 1261: 1-24", "Zootaxa 5432(2): 101-120": a journal, volume and pages, as Pensoft opens its descriptions. */
const JOURNAL_LINE = /^\p{Lu}[\p{L}&.' -]{1,80} \d{1,5}(?:\(\d{1,4}\))?: ?[A-Za-z]?\d{1,6}(?:[-–][A-Za-z]?\d{1,6})?$/u;
/** A quick look for any label at the start of a line or element, before the description is taken apart. */
const ANY_LABEL =
  /(?:^|[>\n])\s*(?:<[^>]+>\s*)*(?:authors?|author\(s\)|creators?|published|publication date|date published|online publication date|first published|updated|last updated|revised|comments?|source|journal|journal reference|journal-ref|citation|doi|upvotes|votes|likes|github stars|summary|abstract|tl;?dr)\s*(?:<[^>]+>\s*)*[:：]/iu;

/** A word of a name: capitalised, or a particle (van, de, bin, …). */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|(?:van|von|der|den|de|del|della|di|da|du|la|le|bin|al|el|dos|das)\b)`;
/** Two to six name words, or a name written in Chinese characters (CNKI lists "张三;李四;"). */
const PERSON = new RegExp(`^(?:${NAME_WORD}(?:\\s+${NAME_WORD}){1,5}|\\p{Script=Han}{2,6})$`, 'u');

/**
 * Moves metadata that a feed wrote into an entry's description into the entry's own fields, and out
 * of the abstract: labelled lines ("Authors: …", "Publication date: …"), a Pensoft-style opening
 * line of journal, volume and pages, a CNKI-style line of names ending in ";" before the abstract,
 * and a bare line of names that an arXiv bot pastes in front of it. A field the feed gave on its own is kept; the line is dropped from the abstract either way.
 */
export function takeDescriptionFields(raw: RawRecord, html: HtmlTools): RawRecord {
  if (raw.abstract === null) return raw;
  const mayListNames = authorCount(raw.authors) <= 1;
  if (!mayListNames && !ANY_LABEL.test(raw.abstract)) return raw;
  const blocks = splitLeadingNames(raw.abstractIsHtml ? htmlBlocks(raw.abstract) : textBlocks(raw.abstract));
  const found: Partial<Record<LabelledField, string>> = {};
  const kept: string[] = [];
  blocks.forEach((block, index) => {
    const text = collapseWhitespace(raw.abstractIsHtml ? html.toText(block) : block);
    const labelled = labelledLine(text);
    if (labelled) {
      const [field, value] = labelled;
      if (field === 'abstract') kept.push(block.replace(/^((?:\s*<[^>]+>)*)\s*[^:：<]+[:：]\s*/u, '$1'));
      else if (field !== 'drop' && value !== '') found[field] ??= value;
      return;
    }
    if (text === '') {
      kept.push(block);
      return;
    }
    if (kept.length === 0 && found.journalRef === undefined && JOURNAL_LINE.test(text)) {
      found.journalRef = text;
      return;
    }
    const hasMore = blocks.slice(index + 1).some((rest) => rest.trim() !== '');
    if (mayListNames && kept.length === 0 && hasMore && found.authors === undefined && isNameLine(text, raw.authors)) {
      found.authors = text.replace(/[;,]\s*\.?$/u, '');
      return;
    }
    kept.push(block);
  });
  if (Object.keys(found).length === 0 && kept.length === blocks.length) return raw;
  const abstract = kept.join('').trim();
  return {
    ...raw,
    abstract: abstract === '' ? null : abstract,
    authors: authorsFrom(raw.authors, found.authors),
    published: raw.published ?? withoutAvailability(found.published),
    updated: raw.updated ?? found.updated ?? null,
    comment: raw.comment ?? found.comment ?? null,
    journalRef: raw.journalRef ?? found.journalRef ?? null,
    doi: raw.doi ?? found.doi ?? null,
  };
}

function labelledLine(text: string): [LabelledField | 'drop' | 'abstract', string] | null {
  const match = LABELLED_LINE.exec(text);
  if (!match) return null;
  const label = match[1]!.trim();
  const entry = LABELS.find(([pattern]) => pattern.test(label));
  return entry ? [entry[1], match[2]!.trim()] : null;
}

/**
 * A line of people's names and nothing else: "A. Li; B. Wu;" or "Ana Li, Bo Wu, Cy Ng". A line that
 * begins with the known first author is taken when each part is short enough to be a name (a bot's
 * list holds "P. -F. Wu", "Abdurro'uf" and "the FOSSILS Team"); without that anchor, every part
 * must look like a person and there must be two, so that a one-line lead sentence is never taken.
 */
function isNameLine(line: string, known: RawRecord['authors']): boolean {
  // "…, Remington O. Sexton, ." closes one bot's lists.
  const text = line.replace(/,\s*\.$/u, '');
  if (text.length > 4000 || /[.!?]$/u.test(text.replace(/\b\p{Lu}\.$/u, ''))) return false;
  const names = text
    .replace(/[;,]\s*$/u, '')
    .split(/\s*[;,]\s*|\s+and\s+/u)
    .filter((name) => name !== '');
  if (names.length === 0) return false;
  const first = (typeof known === 'string' ? splitAuthorNames(known, 'joined')[0] : known[0])?.name.trim();
  if (first) return collapseWhitespace(first) === names[0] && names.every(isShortName);
  return names.length >= 2 && names.every((name) => PERSON.test(name));
}

/** At most eight words and no digits or sentence punctuation but an initial's full stop. */
function isShortName(name: string): boolean {
  return name.length <= 80 && name.split(/\s+/u).length <= 8 && !/[\d!?:"“”()[\]]/u.test(name);
}

/** The listed authors, unless the description names more of them (a bot keeps only the first). */
function authorsFrom(listed: RawRecord['authors'], described: string | undefined): RawRecord['authors'] {
  return described !== undefined && authorCount(listed) <= 1 ? described : listed;
}

function authorCount(authors: RawRecord['authors']): number {
  return typeof authors === 'string' ? splitAuthorNames(authors, 'joined').length : authors.length;
}

/** ScienceDirect writes "Publication date: Available online 5 December 2026". */
function withoutAvailability(value: string | undefined): string | null {
  return value === undefined ? null : value.replace(/^(?:available online|online)\s+/iu, '');
}

/** CNKI runs its names into the abstract: "张三;李四;王五;本文提出…" is a line of names, then the abstract. */
function splitLeadingNames(blocks: string[]): string[] {
  const match = /^((?:[^;；<>\n]{2,40}[;；])+)\s*(\S[\s\S]*)$/u.exec(blocks[0] ?? '');
  return match ? [match[1]!, `\n${match[2]!}`, ...blocks.slice(1)] : blocks;
}

/**
 * A description's paragraphs and lines as HTML pieces that join back into it: split after each
 * </p> and <br>, before each <p>, and at line ends in text without tags (plain text sent as HTML).
 */
function htmlBlocks(html: string): string[] {
  return html
    .split(/(?<=<\/p\s*>|<br\s*\/?>)|(?=<p[\s>])/iu)
    .flatMap((block) => (block.includes('<') ? [block] : textBlocks(block)))
    .filter((block) => block !== '');
}

/** Lines, each with its line end, so that they join back into the text. */
function textBlocks(text: string): string[] {
  return text.split(/(?<=\n)/u);
}
