import { makeFinding, type Finding, type SeverityOverrides } from '../findings/finding.ts';
import type { LoadedSpec, Operation } from '../spec/types.ts';
import { bodyJson } from './body-json.ts';
import { bodySchema } from './body-schema.ts';
import type { ResponseCheck } from './check.ts';
import { inspectResponse, type ObservedResponse } from './context.ts';
import { headersRequired } from './headers-required.ts';
import { mediaTypeDocumented } from './media-type-documented.ts';
import { statusDocumented } from './status-documented.ts';

export type { ObservedResponse } from './context.ts';

/** Every response check, in report order. Adding a check means adding it here (see docs/adding-a-check.md). */
export const RESPONSE_CHECKS: readonly ResponseCheck[] = [statusDocumented, mediaTypeDocumented, bodyJson, bodySchema, headersRequired];

export interface CheckOptions {
  severity?: SeverityOverrides;
}

/** Checks one real response against its operation in the vendor's document. Error bodies are checked like any other. */
export function checkResponse(spec: LoadedSpec, operation: Operation, response: ObservedResponse, options: CheckOptions = {}): Finding[] {
  const context = inspectResponse(spec, operation, response);
  const findings: Finding[] = [];
  // A plain loop: this runs for every response, and most responses yield nothing.
  for (const { check } of RESPONSE_CHECKS) {
    for (const facts of check(context)) {
      findings.push(makeFinding({ ...facts, vendor: spec.vendor, operation: operation.key, status: response.status }, options.severity));
    }
  }
  return findings;
}
