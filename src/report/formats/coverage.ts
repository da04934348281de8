import type { OperationCoverage } from '../types.ts';

/** Each coverage state in words, with a symbol, as outcomes have: colour is never the only signal. */
export const COVERAGE_LABEL: Record<OperationCoverage['state'], string> = {
  exercised: '✓ exercised',
  'not-reachable': '– not reachable',
  excluded: '– excluded',
  unsafe: '– not derived: unsafe method',
};

/**
 * Why an operation was not exercised, in the parts both formats show: the fixtures it needs (each with
 * its variable when the vendor file names one), else the derivation's reason; null when it was exercised.
 */
export function whyNotExercised(entry: OperationCoverage): { needs: OperationCoverage['missingFixtures'] } | { reason: string } | null {
  if (entry.missingFixtures.length > 0) return { needs: entry.missingFixtures };
  return entry.reason === null ? null : { reason: entry.reason };
}
