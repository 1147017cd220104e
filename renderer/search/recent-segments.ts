/**
 * Positions of the segments a search typed at start most likely wants: the one holding the latest
 * arrivals (the file just dropped), then the one holding the latest listing day, if another. A
 * restore reads them before the others, and merges leave them alone, so that they stay small and
 * are read in a few tens of milliseconds (docs/search-engine.md). Ties go to the later position;
 * arrivals all 0 (unknown, as in heads saved before they were kept) say nothing.
 */
export function recentPositions(newestArrivals: readonly number[], newestDays: readonly number[]): number[] {
  const latest = (values: readonly number[]) => values.reduce((best, value, position) => (value >= values[best]! ? position : best), 0);
  if (newestDays.length === 0) return [];
  const byDay = latest(newestDays);
  const byArrival = latest(newestArrivals);
  if (newestArrivals[byArrival] === 0 || byArrival === byDay) return [byDay];
  return [byArrival, byDay];
}
