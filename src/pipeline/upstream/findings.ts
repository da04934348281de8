import { createHash } from 'node:crypto';
import { makeFinding, runCheck, type Check } from '../../findings/index.ts';
import type { CaseFinding } from '../../judge/index.ts';
import type { SpecChange } from '../../spec/index.ts';

/** The case name upstream findings are reported under: they come from no request. */
export const UPSTREAM_CASE = 'upstream document';

export interface UpstreamChanges {
  vendor: string;
  changes: readonly SpecChange[];
}

/**
 * spec-changed-upstream: one finding per breaking change between the newest checked-in document and
 * the vendor's published one. No body pointer (the change is in the document); what changed and
 * where is the observed text. The fingerprint is made from the change ID, operation, status, where
 * and value, so a change keeps its fingerprint from night to night and can be waived.
 */
export const changedUpstream: Check<UpstreamChanges, CaseFinding> = {
  ids: ['spec-changed-upstream'],
  check: ({ vendor, changes }) =>
    changes
      .filter((change) => change.severity === 'breaking')
      .map((change) => ({
        ...makeFinding({
          id: 'spec-changed-upstream',
          vendor,
          operation: change.operation,
          status: change.status !== null && /^\d{3}$/.test(change.status) ? Number(change.status) : null,
          pointer: null,
          observed: describeChange(change),
        }),
        fingerprint: changeFingerprint(vendor, change),
        case: UPSTREAM_CASE,
      })),
};

export function upstreamFindings(input: UpstreamChanges): CaseFinding[] {
  return [...runCheck(changedUpstream, input)];
}

/** "response-property-enum-value-added at /status (\"refunded\") in 200". */
function describeChange(change: SpecChange): string {
  const where = change.where === null ? '' : ` at ${change.where}`;
  const value = change.value === undefined ? '' : ` (${JSON.stringify(change.value)})`;
  const status = change.status === null ? '' : ` in ${change.status}`;
  return `${change.id}${where}${value}${status}`;
}

function changeFingerprint(vendor: string, change: SpecChange): string {
  const key = ['spec-changed-upstream', vendor, change.id, change.operation ?? '', change.status ?? '', change.where ?? '', change.value ?? ''].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}
