import { defineConfig } from 'vitest/config';
import { LongestFirst } from './longest-first.ts';

const shared = {
  setupFiles: ['test/fast-check-seed.ts'],
  // In CI, fails the run when ../shared is missing, rather than let its suites skip.
  globalSetup: ['test/require-shared.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    // The end-to-end test starts a server and a browser; two cores cannot run much beside it.
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { ...shared, name: 'node', environment: 'node', include: ['test/**/*.test.{ts,tsx}'], exclude: ['test/ui/**'] } },
      // The renderer's view state, commands and components, on jsdom.
      { extends: true, test: { ...shared, name: 'ui', environment: 'jsdom', include: ['test/ui/**/*.test.{ts,tsx}'] } },
    ],
  },
});
