import type { Interaction, ReportedFinding, Verdict } from '../types.ts';

/** Every outcome, verdict and state has a word and a symbol, so colour is never the only signal. */
export const OUTCOME_LABEL: Record<Interaction['outcome'], string> = {
  passed: '✓ passed',
  failed: '✗ failed',
  unverified: '⊘ unverified',
  skipped: '– skipped',
  'transport-error': '⚠ transport error',
};

export const VERDICT_LABEL: Record<Verdict, string> = {
  pass: '✓ pass',
  fail: '✗ fail',
  inconclusive: '? inconclusive',
};

/** How a finding stands, in words: a waived one names its waiver. */
export function stateLabel(finding: ReportedFinding): string {
  if (finding.state === 'waived' && finding.waiver) return `waived until ${finding.waiver.expires}: ${finding.waiver.reason}`;
  return finding.state ?? '—';
}
