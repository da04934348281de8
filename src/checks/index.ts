import { makeFinding, type Finding, type SeverityOverrides } from '../findings/finding.ts';
import type { LoadedSpec, Operation } from '../spec/types.ts';
import { bodyJson } from './body-json.ts';
import { bodySchema } from './body-schema.ts';
import { bodySize } from './body-size.ts';
import type { ResponseCheck } from './check.ts';
import { inspectResponse, type CheckContext, type ObservedResponse } from './context.ts';
import { duplicateKeysCheck } from './duplicate-keys.ts';
import { rawValueAt } from '../json/raw-value.ts';
import { getAtPointer } from '../json/pointer.ts';
import type { CheckFacts } from './check.ts';
import { headersRequired } from './headers-required.ts';
import { mediaTypeDocumented } from './media-type-documented.ts';
import { statusDocumented } from './status-documented.ts';

export type { ObservedResponse } from './context.ts';
export { inspectResponse } from './context.ts';

/** Every response check, in report order. Adding a check means adding it here (see docs/adding-a-check.md). */
export const RESPONSE_CHECKS: readonly ResponseCheck[] = [statusDocumented, mediaTypeDocumented, bodySize, bodyJson, bodySchema, headersRequired];

/** Checks that read the raw body text again: run once per real response, but kept off the hot path. */
export const INTEGRITY_CHECKS: readonly ResponseCheck[] = [duplicateKeysCheck];

const WITHOUT_INTEGRITY = [RESPONSE_CHECKS];
const WITH_INTEGRITY = [RESPONSE_CHECKS, INTEGRITY_CHECKS];

export interface CheckOptions {
  severity?: SeverityOverrides;
  /** Also run INTEGRITY_CHECKS (duplicate keys): what the suites and `conform check` do. */
  integrity?: boolean;
}

/** Checks one real response against its operation in the vendor's document. Error bodies are checked like any other. */
export function checkResponse(spec: LoadedSpec, operation: Operation, response: ObservedResponse, options: CheckOptions = {}): Finding[] {
  return checkInspected(inspectResponse(spec, operation, response), options);
}

/** The checks on a response already inspected: for a caller that also needs what the inspection found (the parsed body). */
export function checkInspected(context: CheckContext, options: CheckOptions = {}): Finding[] {
  const { spec, operation, response } = context;
  const findings: Finding[] = [];
  // Plain loops: this runs for every response, and most responses yield nothing.
  for (const checks of options.integrity ? WITH_INTEGRITY : WITHOUT_INTEGRITY) {
    for (const { check } of checks) {
      for (const facts of check(context)) {
        findings.push(makeFinding({ ...withRawNumber(facts, context), vendor: spec.vendor, operation: operation.key, status: response.status }, options.severity));
      }
    }
  }
  return findings;
}

/** A number JSON.parse cannot hold exactly is shown as the vendor wrote it, not rounded. */
function withRawNumber(facts: CheckFacts, { json }: CheckContext): CheckFacts {
  if (!json?.ok || !facts.pointer || !facts.observed) return facts;
  const value = getAtPointer(json.value, facts.pointer);
  if (typeof value !== 'number') return facts;
  const raw = rawValueAt(json.text, facts.pointer);
  const shown = JSON.stringify(value);
  if (!raw || raw === shown) return facts;
  // 12345678901234567890.12 parses to an integer-valued double; the type word follows what was written.
  const observed = facts.observed.replace(shown, raw).replace(/^integer /, /^-?\d+$/.test(raw) ? 'integer ' : 'number ');
  return { ...facts, observed };
}
