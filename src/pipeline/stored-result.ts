import type { CaseResult } from '../results/index.ts';

/** What the judge reads of a stored case result: enough to tell a hand-edited or foreign file from a run's. */
export function isStoredResult(value: unknown): value is CaseResult {
  const result = value as Partial<CaseResult> | null;
  return typeof result === 'object' && result !== null && typeof result.vendor === 'string' && typeof result.case === 'string' && typeof result.startedAt === 'string' && Array.isArray(result.findings);
}
