import type { SearchClient } from '../search/search-client';

/** How long at most start work waits on a search typed at a start. */
const SEARCH_FIRST_MS = 2000;
/** A tab that is not shown draws no frames: past this, nothing waits for one. */
const NO_FRAME_MS = 100;

/**
 * Resolves once a search typed at a start has been answered and drawn (at once when nothing is
 * searched): the list's order waits on it, as the results need none. On two cores, working it out
 * beside the search index's restore put the results off by a fifth of a second
 * (docs/search-engine.md, "Start-up, measured").
 */
export async function searchShownFirst(search: SearchClient): Promise<void> {
  const answered = search.untilAnswered();
  if (!answered) return;
  await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, SEARCH_FIRST_MS))]);
  await afterNextFrame();
}

/** Resolves once the browser has drawn the next frame, so that work started then does not hold up what the frame shows. */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, NO_FRAME_MS);
  });
}
