export interface ArxivRef {
  /** Without version: 2401.01234 or hep-th/9901001. */
  id: string;
  version: number | null;
}

const NEW_STYLE = String.raw`\d{4}\.\d{4,5}`;
const OLD_STYLE = String.raw`[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7}`;
const VERSION = String.raw`(?:v(\d+))?`;
const NEW_STYLE_ID = new RegExp(`^${NEW_STYLE}$`, 'u');

/** Where an arXiv id may stand in a URL, guid, DOI or text, most specific first. */
const PATTERNS = [
  new RegExp(String.raw`^oai:arxiv\.org:(${NEW_STYLE}|${OLD_STYLE})${VERSION}$`, 'iu'),
  new RegExp(String.raw`10\.48550/arxiv\.(${NEW_STYLE}|${OLD_STYLE})${VERSION}`, 'iu'),
  new RegExp(String.raw`arxiv\.org/(?:abs|pdf|html|format)/(${NEW_STYLE}|${OLD_STYLE})${VERSION}(?:\.pdf)?(?=$|[/?#\s])`, 'iu'),
  new RegExp(String.raw`huggingface\.co/papers/(${NEW_STYLE})${VERSION}(?=$|[/?#\s])`, 'iu'),
  new RegExp(String.raw`(?:^|[\s(\[])arxiv:\s?(${NEW_STYLE}|${OLD_STYLE})${VERSION}(?=$|[\s)\],;.])`, 'iu'),
  new RegExp(String.raw`^(${NEW_STYLE}|${OLD_STYLE})${VERSION}$`, 'u'),
];

/** The arXiv id an identifier names, or null. A bare id counts only when it is the whole value. */
export function parseArxivRef(value: string): ArxivRef | null {
  const trimmed = value.trim();
  for (const pattern of PATTERNS) {
    const match = pattern.exec(trimmed);
    if (match) return { id: canonicalArxivId(match[1]!), version: match[2] ? Number(match[2]) : null };
  }
  return null;
}

/** The first arXiv id among the values; a versioned sighting of the same id fills in the version. */
export function findArxivRef(values: readonly string[]): ArxivRef | null {
  let found: ArxivRef | null = null;
  for (const value of values) {
    const ref = parseArxivRef(value);
    if (!ref) continue;
    if (!found) found = ref;
    else if (ref.id === found.id && found.version === null) found = ref;
    if (found.version !== null) break;
  }
  return found;
}

/** Old-style archive names are lower case except the subject class: math.GT/0309136. */
function canonicalArxivId(id: string): string {
  const slash = id.indexOf('/');
  if (slash < 0) return id;
  const [archive, subject] = id.slice(0, slash).split('.');
  return `${archive!.toLowerCase()}${subject ? `.${subject.toUpperCase()}` : ''}${id.slice(slash)}`;
}

/** Hugging Face has paper pages for new-style ids only: huggingface.co/papers/hep-th/9901001 is no page. */
export function huggingFacePaperUrl(arxivId: string): string | null {
  return NEW_STYLE_ID.test(arxivId) ? `https://huggingface.co/papers/${arxivId}` : null;
}
