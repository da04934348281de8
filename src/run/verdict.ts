import { EXIT } from '../cli/exit-codes.ts';
import type { CaseResult } from './result.ts';

/**
 * The run's exit code, decided in one place: 2 when a suite could not run or no vendor answered at
 * all, 1 for any breaking finding, else 0. Transport errors are never drift: they fail nothing.
 */
export function exitCodeFor(results: readonly CaseResult[], problems: readonly string[]): number {
  if (problems.length > 0) return EXIT.cannotRun;
  const attempted = results.filter((r) => r.outcome !== 'skipped');
  if (attempted.length > 0 && attempted.every((r) => r.outcome === 'transport-error')) return EXIT.cannotRun;
  return results.some((r) => r.findings.some((f) => f.severity === 'breaking')) ? EXIT.fail : EXIT.pass;
}
