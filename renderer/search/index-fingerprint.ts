import { FIELDS, STOP_WORDS } from './index-terms';
import { savedSegment } from './saved-index';
import { SegmentBuilder, type SearchDocument } from './segment-builder';
import { TermDictionary } from './term-dictionary';

/**
 * Text that exercises the tokenizer and term folding: marks, ligatures, scripts, digits, markup,
 * contractions and stop words. Indexing it as a segment and saving it yields a record whose every
 * byte follows from the fields, the tokenizer, the stop list and the saved layout.
 */
const PROBE: SearchDocument[] = [
  {
    id: 'probe:1',
    title: "The Naïve-Bayes <b>Classifier</b> re-visited: Ω-limits, x86_64 & GPT-4o's 3D ﬁne-tuning",
    authors: 'Paweł Łukasz; Jürgen Schmidhuber; Søren Kierkegaard; 王小明; O’Neil, J.-P.',
    abstract:
      "However, we show that it's not only the data: models don't scale as 1.5e-3·N². Straße, Œuvre, þorn, Ærø, ıstanbul. Αλφα βήτα; Кириллица. Über café 🙂 and the the THE. Moreover via thus; arXiv:2402.00001v2 doi:10.1000/xyz",
    categories: 'cs.lg math.st stat.ml',
    date: '2024-02-29',
    arxivId: '2402.00001',
  },
  { id: 'probe:2', title: 'A second document', authors: '', abstract: 'Classifier classifier CLASSIFIER models', categories: 'cs.cl', date: '', arxivId: null },
];

/**
 * A digest of everything that decides what the index holds and how it is saved, the library's schema
 * version included, since an upgrade may change the papers. A saved index with another fingerprint is
 * rebuilt; no constant needs bumping by hand when indexing changes.
 */
export function indexFingerprint(libraryVersion: number): string {
  const dictionary = new TermDictionary();
  const builder = new SegmentBuilder(dictionary, PROBE, 0);
  while (!builder.step(Infinity));
  const description = JSON.stringify({
    libraryVersion,
    fields: FIELDS,
    stopWords: [...STOP_WORDS].sort(),
    terms: dictionary.allTerms(),
    segment: Object.entries(savedSegment(builder.segment())).map(([key, value]) => [key, describe(value)]),
  });
  return fnv1a(description);
}

function describe(value: unknown): unknown {
  return ArrayBuffer.isView(value) ? [value.constructor.name, Array.from(value as unknown as ArrayLike<number>)] : value;
}

/** 64-bit FNV-1a over UTF-16 code units, as hex. */
function fnv1a(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let position = 0; position < text.length; position += 1) {
    hash ^= BigInt(text.charCodeAt(position));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
