import { HAS_SHARED, SHARED_DIR } from './shared-paths';

/**
 * Vitest's global setup. Without ../shared the suites that need it skip, each saying why; that is for a clone on
 * its own. CI must run every suite, so there (CI set, or PAPERDROP_REQUIRE_SHARED=1 as .ci/run sets it) a missing
 * ../shared fails the run before any test.
 */
export default function requireSharedInCi(): void {
  const ci = process.env['CI'] ?? '';
  const required = process.env['PAPERDROP_REQUIRE_SHARED'] === '1' || !['', '0', 'false'].includes(ci.toLowerCase());
  if (required && !HAS_SHARED) {
    throw new Error(
      `CI runs every test, but ${SHARED_DIR} (feeds/real, fixtures and corpus) is missing: the suites that need it would be skipped. ` +
        'Put ../shared beside the repository.',
    );
  }
}
