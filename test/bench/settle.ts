import { folderMegabytes } from './ingest-watch';
import { sampleCpu } from './process-cpu';

const CHECK_EVERY_MS = 2000;
/** Below this many CPU seconds per check, summed over the processes, they count as idle. */
const IDLE_CPU_SECONDS = 0.3;
/** Quiet, and the profile's size unchanged, for this many checks in a row (14 s): merges and index writes are done. */
const QUIET_CHECKS = 7;

const totalCpu = (trees: Record<string, readonly number[]>) => [...sampleCpu(trees).values()].reduce((sum, seconds) => sum + seconds, 0);

/**
 * Waits until the processes are idle and the folder has stopped growing for a few checks in a
 * row — the search worker has saved its index — so a reload measures a start, not an
 * interrupted save. Returns how long that took, or null when it never settled.
 */
export async function waitUntilSettled(trees: Record<string, readonly number[]>, folder: string, timeoutMs: number): Promise<number | null> {
  const started = performance.now();
  let quiet = 0;
  let [cpu, size] = [totalCpu(trees), await folderMegabytes(folder)];
  while (performance.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS));
    const [nextCpu, nextSize] = [totalCpu(trees), await folderMegabytes(folder)];
    quiet = nextCpu - cpu < IDLE_CPU_SECONDS && nextSize === size ? quiet + 1 : 0;
    [cpu, size] = [nextCpu, nextSize];
    if (quiet >= QUIET_CHECKS) return (performance.now() - started) / 1000;
  }
  return null;
}
