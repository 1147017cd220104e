import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The one file that takes minutes: started first, the other files run beside it on the second worker
 * rather than all after it. Vitest orders a clean clone's files by size (it has no durations cached),
 * which put it last and added its minutes to CI's whole.
 */
const LONGEST = 'test/e2e-long-run.test.ts';

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    if (!existsSync(join(root, LONGEST))) throw new Error(`test/longest-first.ts: ${LONGEST} is gone; name the longest test file instead`);
    const isLongest = (spec: TestSpecification) => spec.moduleId === join(root, LONGEST);
    const sorted = await super.sort(files);
    return [...sorted.filter(isLongest), ...sorted.filter((spec) => !isLongest(spec))];
  }
}
