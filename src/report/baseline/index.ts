import type { SeverityOverrides } from '../../findings/finding.ts';
import type { CaseResult } from '../../run/result.ts';
import { buildBaseline } from './build.ts';
import { compareToBaseline, type BaselineComparison } from './compare.ts';
import type { Baseline, BaselineMode } from './types.ts';

export { buildBaseline, MAX_CODES, type BuildOptions } from './build.ts';
export { compareToBaseline, type BaselineComparison, type BaselineState } from './compare.ts';
export { BaselineFileError, baselineFile, baselinesDirFrom, readBaseline, writeBaseline } from './store.ts';
export type { Baseline, BaselineFinding, BaselineMode, CaseShape, JsonType, OperationShape, PropertyShape, ResponseShape } from './types.ts';

/**
 * A run against the vendor's baseline, creating it when there is none. On that first run the run is
 * compared with the baseline just made from it: nothing is `new` relative to a baseline that did not
 * exist, so every finding is `known`, nothing changed shape and nothing is resolved. `created` is the
 * baseline to write, or null when one existed (a run never updates it: `conform baseline update` does).
 */
export function judgeAgainstBaseline(
  existing: Baseline | null,
  results: readonly CaseResult[],
  options: { vendor: string; mode: BaselineMode; updatedAt: string; severity?: SeverityOverrides },
): { comparison: BaselineComparison; created: Baseline | null } {
  const created = existing ? null : buildBaseline(results, { vendor: options.vendor, mode: options.mode, updatedAt: options.updatedAt });
  const baseline = existing ?? created!;
  return { comparison: compareToBaseline(baseline, results, options.vendor, options.severity), created };
}
