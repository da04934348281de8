import type { CaseResult } from '../../results/index.ts';
import { buildBaseline } from './build.ts';
import { compareToBaseline, type BaselineComparison } from './compare.ts';
import type { Baseline, BaselineMode } from './types.ts';
import { hasVerifiedAnswers } from './verified.ts';

export { buildBaseline, MAX_CODES, type BuildOptions } from './build.ts';
export { compareToBaseline, type BaselineComparison } from './compare.ts';
export { hasVerifiedAnswers, isVerifiedAnswer } from './verified.ts';
export { BaselineFileError, baselineFile, baselinesDirFrom, readBaseline, writeBaseline } from './store.ts';
export { reviewableJson } from './reviewable-json.ts';
export type { AmountShape, Baseline, BaselineFinding, BaselineMode, CaseShape, JsonType, OperationShape, PropertyShape, ResponseShape } from './types.ts';

/**
 * A run against the vendor's baseline, creating it when there is none. On that first run the run is
 * compared with the baseline just made from it: nothing changed shape and nothing is resolved.
 * `created` is the baseline to write: null when one existed (a run never updates it: `conform baseline
 * update` does), and null when nothing answered verifiably (an empty baseline would never be
 * refreshed). An existing baseline with no operations is such a leftover, and counts as none.
 */
export function judgeAgainstBaseline(
  existing: Baseline | null,
  results: readonly CaseResult[],
  options: { vendor: string; mode: BaselineMode; updatedAt: string; firstSeen?: ReadonlyMap<string, string> },
): { comparison: BaselineComparison; created: Baseline | null } {
  if (existing && Object.keys(existing.operations).length > 0) {
    return { comparison: compareToBaseline(existing, results, options.vendor), created: null };
  }
  const built = buildBaseline(results, options);
  return { comparison: compareToBaseline(built, results, options.vendor), created: hasVerifiedAnswers(results, options.vendor) ? built : null };
}
