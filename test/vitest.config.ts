import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/fast-check-seed.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The end-to-end test starts a server and a browser; two cores cannot run much beside it.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
