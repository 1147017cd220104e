import { recentPositions } from './recent-segments';
import { newestDay } from './saved-index';
import { MAX_SEGMENT_DOCUMENTS, type Segment } from './segment';

/** Segments of about the same size are merged once this many have gathered. */
const MERGE_FACTOR = 8;
/** A segment is rewritten without its dead documents once they are this share of it. */
const DEAD_SHARE = 0.2;
/** A segment this full is merged only to drop its dead. */
const FULL = MAX_SEGMENT_DOCUMENTS / 2;

const tier = (segment: Segment) => Math.floor(Math.log(Math.max(1, segment.liveCount)) / Math.log(MERGE_FACTOR));

/**
 * The segments to merge next, or null. Segments of one size tier (powers of MERGE_FACTOR) merge
 * once MERGE_FACTOR of them have gathered, smallest first and up to a segment's capacity: so an
 * index of n documents has O(log n) segments, and each document is rewritten O(log n) times.
 * A segment with many dead documents is rewritten on its own. The recent segments are left out of
 * tiers until newer ones take their place, so that a restore reads them quickly (recent-segments.ts).
 */
export function segmentsToMerge(segments: readonly Segment[]): Segment[] | null {
  const dirty = segments.find((segment) => segment.size - segment.liveCount > segment.size * DEAD_SHARE);
  if (dirty) return [dirty];
  const recent = new Set(recentPositions(segments.map((segment) => segment.newestArrival), segments.map(newestDay)).map((position) => segments[position]));
  const tiers = new Map<number, Segment[]>();
  for (const segment of segments) {
    if (segment.liveCount >= FULL || recent.has(segment)) continue;
    const members = tiers.get(tier(segment)) ?? [];
    tiers.set(tier(segment), [...members, segment]);
  }
  for (const level of [...tiers.keys()].sort((a, b) => a - b)) {
    const members = tiers.get(level)!;
    if (members.length < MERGE_FACTOR) continue;
    const taken: Segment[] = [];
    let documents = 0;
    for (const segment of [...members].sort((a, b) => a.liveCount - b.liveCount)) {
      if (documents + segment.liveCount > MAX_SEGMENT_DOCUMENTS) break;
      taken.push(segment);
      documents += segment.liveCount;
    }
    if (taken.length >= 2) return taken;
  }
  return null;
}
