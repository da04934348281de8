import type { Finding } from './finding.ts';
import { FINDING_KINDS, type FindingId, type Severity } from './registry.ts';

/** CONFORM_SEVERITY: a severity per finding ID, in place of the registry's default. */
export type SeverityOverrides = Partial<Record<FindingId, Severity>>;

const MOST_SEVERE_FIRST: readonly Severity[] = ['breaking', 'warning', 'info'];

/**
 * The severity policy, the one rule: the override for the finding's ID, else the registry's default.
 * A finding that stands for others (`covers`) is never less severe than the worst of them, so a
 * response whose unlisted findings include a breaking one still fails. The judge stamps it on every
 * finding (src/judge); nothing stores a severity before that.
 */
export function severityOf(finding: Pick<Finding, 'id' | 'covers'>, overrides: SeverityOverrides): Severity {
  const own = overrides[finding.id] ?? FINDING_KINDS[finding.id].severity;
  if (!finding.covers) return own;
  return mostSevere([own, ...finding.covers.map((id) => overrides[id] ?? FINDING_KINDS[id].severity)]);
}

export function mostSevere(severities: readonly Severity[]): Severity {
  return MOST_SEVERE_FIRST.find((s) => severities.includes(s)) ?? 'info';
}
