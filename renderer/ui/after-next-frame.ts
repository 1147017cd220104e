/** A tab that is not shown draws no frames: past this, nothing waits for one. */
const NO_FRAME_MS = 100;

/** Resolves once the browser has drawn the next frame, so that work started then does not hold up what the frame shows. */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, NO_FRAME_MS);
  });
}
