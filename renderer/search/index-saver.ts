import { writeSavedIndex, type IndexWrite } from './index-store';
import type { PostingStore } from './posting-store';
import type { SearchIndexDatabase } from './search-index-database';
import { sortedTerms } from './term-dictionary';
import { HEAD_KEY, isSavedHead, newestDay, savedSegment, savedTerms, segmentKey, termsKey, type SavedHead, type SavedIndexRecord } from './saved-index';

/** Past this many term chunks, a write saves the whole dictionary as one again. */
const MAX_TERM_CHUNKS = 32;

/**
 * Keeps the saved index level with the live one, a write at a time: each write puts the segments
 * made since the last, the terms they brought and a new head, and deletes the segments merged away.
 * Segments never change once made, so a write is only what is new.
 *
 * Another tab's worker may have saved its own index since (only the tab that stores batches saves,
 * but tabs take over from one another): its segments are numbered by its own serials, so a write
 * that finds a head it did not write saves the whole index instead, in the same transaction.
 */
export class IndexSaver {
  /** What the table holds as of the last write that succeeded; null before the first. */
  private saved: { segments: Set<number>; termChunks: string[] } | null;
  private writing = false;

  constructor(
    private readonly db: SearchIndexDatabase,
    private readonly fingerprint: string,
    /** The head the index was restored from, if it was. */
    restoredFrom: SavedHead | null = null,
  ) {
    this.saved = restoredFrom && { segments: new Set(restoredFrom.segments), termChunks: [...restoredFrom.termChunks] };
  }

  get busy(): boolean {
    return this.writing;
  }

  /**
   * Captures now what the store holds, as reflecting library `generation`, and writes it. Resolves
   * true once written; false (the error logged) when the write failed, to be tried again later.
   */
  async save(store: PostingStore, generation: number): Promise<boolean> {
    if (this.writing) throw new Error('IndexSaver: one write at a time');
    this.writing = true;
    let { write, termsUpTo } = this.capture(store, generation);
    try {
      await this.db.transaction('rw', this.db.savedIndex, async () => {
        if (this.saved && !this.wrote(await this.db.savedIndex.get(HEAD_KEY))) {
          this.saved = null;
          ({ write, termsUpTo } = this.capture(store, generation));
        }
        await writeSavedIndex(this.db, write);
      });
      this.saved = { segments: new Set(write.head.segments), termChunks: write.head.termChunks };
      store.dictionary.markSaved(termsUpTo);
      return true;
    } catch (error) {
      console.warn('Paperdrop search: saving the index failed.', error);
      return false;
    } finally {
      this.writing = false;
    }
  }

  /** Whether `head` is the one this saver last wrote or restored from. */
  private wrote(head: SavedIndexRecord | undefined): boolean {
    const saved = this.saved!;
    return (
      isSavedHead(head) &&
      head.fingerprint === this.fingerprint &&
      head.segments.length === saved.segments.size &&
      head.segments.every((serial) => saved.segments.has(serial)) &&
      head.termChunks.join() === saved.termChunks.join()
    );
  }

  private capture(store: PostingStore, generation: number): { write: IndexWrite; termsUpTo: number } {
    const { dictionary, segments } = store;
    const savedSegments = this.saved?.segments ?? new Set<number>();
    let termChunks = this.saved?.termChunks ?? [];
    const put: IndexWrite['put'] = [];
    const deleted: string[] = [];
    const termsUpTo = dictionary.size;
    const unsaved = dictionary.unsavedTerms();
    if (!this.saved || termChunks.length >= MAX_TERM_CHUNKS) {
      deleted.push(...termChunks);
      const { terms, numbers } = dictionary.allTerms();
      put.push(savedTerms(0, terms, numbers));
      termChunks = [termsKey(0)];
    } else if (unsaved.terms.length > 0) {
      const { terms, numbers } = sortedTerms(unsaved.terms.map((term, position) => [term, unsaved.first + position] as const));
      put.push(savedTerms(unsaved.first, terms, numbers));
      termChunks = [...termChunks, termsKey(unsaved.first)];
    }
    const current = new Set(segments.map((segment) => segment.serial));
    for (const segment of segments) if (!savedSegments.has(segment.serial)) put.push(savedSegment(segment));
    for (const serial of savedSegments) if (!current.has(serial)) deleted.push(segmentKey(serial));
    const dead: number[] = [];
    for (const segment of segments) for (const document of segment.deadDocuments()) dead.push(segment.serial, document);
    const head: SavedHead = {
      key: 'head',
      fingerprint: this.fingerprint,
      generation,
      segments: [...current],
      newestDays: segments.map(newestDay),
      newestArrivals: segments.map((segment) => segment.newestArrival),
      termChunks,
      serialLimit: store.serialLimit,
      dead: Int32Array.from(dead),
      documentCount: store.documentCount,
    };
    return { write: { replaceAll: this.saved === null, put, delete: deleted, head }, termsUpTo };
  }
}
