export interface CaseOutcome {
  name: string;
  status: 'pass' | 'fail' | 'skip';
  /** Why it failed or was skipped. */
  reason?: string;
}

export interface SuiteSummary {
  passed: number;
  failed: number;
  skipped: number;
  /** Passed over passed + failed: skipped cases say nothing either way. */
  passRate: number;
  report: string;
}

export function summarise(suite: string, outcomes: readonly CaseOutcome[]): SuiteSummary {
  const of = (status: CaseOutcome['status']) => outcomes.filter((outcome) => outcome.status === status);
  const [passed, failed, skipped] = [of('pass'), of('fail'), of('skip')];
  const passRate = passed.length / Math.max(1, passed.length + failed.length);
  const lines = (title: string, list: CaseOutcome[]) =>
    list.length === 0 ? [] : [`  ${title}:`, ...list.map((outcome) => `    ${outcome.name}: ${outcome.reason ?? ''}`)];
  const report = [
    `${suite}: ${passed.length} passed, ${failed.length} failed, ${skipped.length} skipped — pass rate ${(passRate * 100).toFixed(1)}%`,
    ...lines('failed', failed),
    ...lines('skipped', skipped),
  ].join('\n');
  return { passed: passed.length, failed: failed.length, skipped: skipped.length, passRate, report };
}
