import { runCheck } from '../findings/index.ts';
import { makeFinding, type Finding } from '../findings/index.ts';
import type { LoadedSpec, Operation } from '../spec/index.ts';
import { bodyJson } from './body-json.ts';
import { bodySchema } from './body-schema.ts';
import { bodySize } from './body-size.ts';
import type { CheckFacts, ResponseCheck } from './check.ts';
import { inspectResponse, type CheckContext, type ObservedResponse } from './context.ts';
import { SEMANTIC_CHECKS } from './semantic/index.ts';
import type { SemanticInput } from './semantic/rules.ts';
import { duplicateKeysCheck } from './duplicate-keys.ts';
import { capFacts, findingsTruncated, MAX_FINDINGS_PER_RESPONSE } from './cap.ts';
import { withRawNumbers } from './raw-numbers.ts';
import { headersRequired } from './headers-required.ts';
import { mediaTypeDocumented } from './media-type-documented.ts';
import { statusDocumented } from './status-documented.ts';

export type { CheckFacts } from './check.ts';
export type { CheckContext, ObservedResponse, ResponseFacts } from './context.ts';
export { inspectResponse, NO_SEMANTIC_INPUT, responseFacts } from './context.ts';
export * from './semantic/rules.ts';
export { crossResponseFacts, type CrossResponseFacts, type IdentityAnswer, type IdentityInput } from './semantic/identities.ts';

/** Every response check, in report order. Adding a check means adding it here (see docs/adding-a-check.md). */
export const RESPONSE_CHECKS: readonly ResponseCheck[] = [statusDocumented, mediaTypeDocumented, bodySize, bodyJson, bodySchema, headersRequired];

/** Checks that read the raw body text again: run once per real response, but kept off the hot path. */
export const INTEGRITY_CHECKS: readonly ResponseCheck[] = [duplicateKeysCheck];

const WITHOUT_INTEGRITY = [RESPONSE_CHECKS, SEMANTIC_CHECKS];
const WITH_INTEGRITY = [RESPONSE_CHECKS, SEMANTIC_CHECKS, INTEGRITY_CHECKS];

export interface CheckOptions {
  /** Also run INTEGRITY_CHECKS (duplicate keys): what the suites and `conform check` do. */
  integrity?: boolean;
  /** The vendor's money rules for the operation and the request's path parameters; default: recognised rules only. */
  semantic?: SemanticInput;
}

/**
 * Checks one real response against its operation in the vendor's document. Error bodies are checked
 * like any other. Past MAX_FINDINGS_PER_RESPONSE, findings are counted by ID into one summary finding
 * instead of being made (see cap.ts).
 */
export function checkResponse(spec: LoadedSpec, operation: Operation, response: ObservedResponse, options: CheckOptions = {}): Finding[] {
  return checkInspected(inspectResponse(spec, operation, response, options.semantic), options);
}

/** The checks on a response already inspected: for a caller that also needs what the inspection found (the parsed body). */
export function checkInspected(context: CheckContext, options: CheckOptions = {}): Finding[] {
  const { spec, operation, response } = context;
  // Plain loops, nothing allocated until a check reports: this runs for every response, and most yield nothing.
  let reported: Array<readonly CheckFacts[]> | undefined;
  let count = 0;
  let counted = 0;
  for (const checks of options.integrity ? WITH_INTEGRITY : WITHOUT_INTEGRITY) {
    for (const check of checks) {
      const facts = runCheck(check, context);
      if (facts.length === 0) continue;
      (reported ??= []).push(facts);
      count += facts.length;
      for (const { more } of facts) counted += more ?? 0;
    }
  }
  if (!reported) return [];
  const all = reported.length === 1 ? reported[0]! : reported.flat();
  const shared = { vendor: spec.vendor, operation: operation.key, status: response.status };
  const make = (facts: readonly CheckFacts[]) => withRawNumbers(facts, context).map((f) => makeFinding({ ...f, ...shared }));
  if (count + counted <= MAX_FINDINGS_PER_RESPONSE && counted === 0) return make(all);
  const capped = capFacts(all);
  return [...make(capped.listed), ...runCheck(findingsTruncated, capped).map((f) => makeFinding({ ...f, ...shared }))];
}
export { recognitions } from './semantic/recognise.ts';
export { SEMANTIC_CHECKS } from './semantic/index.ts';
export { parseExpression, pointersOf, type ParsedExpression } from './semantic/expression.ts';
