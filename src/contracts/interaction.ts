import type { CaseResult, DerivedResponse } from '../results/index.ts';
import { essence, isJsonMediaType } from '../spec/index.ts';
import { mayCarryCredential } from '../http/index.ts';
import { CREDENTIAL_HEADER } from './credentials.ts';
import { bodyMatcher } from './matchers.ts';

/** One contract interaction, as plain data: what pact-core is told, in the order it is told. */
export interface InteractionPlan {
  /** Stable and unique per vendor: "case (operation)". */
  description: string;
  providerState: string | null;
  /** Shown to reviewers and read back by `conform verify`. */
  comments: { case: string; operation: string };
  request: { method: string; path: string; query: Array<[string, string]>; headers: Array<[string, string]> };
  response: {
    status: number;
    /** As the vendor sent it; `mediaType` is its essence ("application/json"). */
    contentType: string | null;
    mediaType: string | null;
    /** The body as a matcher tree; undefined when no body is held. */
    body: unknown;
  };
}

export function describeInteraction(result: Pick<CaseResult, 'case' | 'operation'>): string {
  return `${result.case} (${result.operation})`;
}

/**
 * The interaction a case that got a response stands for; no body is recorded unless it is complete
 * JSON. The body is the one the checks parsed, held by the schema and oneOf branches they held it to,
 * in `document`: the vendor document the case was checked against (null when the run has none).
 */
export function planInteraction(result: CaseResult & { response: NonNullable<CaseResult['response']> }, document: object | null): InteractionPlan {
  const { request, response } = result;
  const headers = Object.entries(request.headers)
    .map(([name, value]): [string, string] => [name.toLowerCase(), value])
    .filter(([name]) => !mayCarryCredential(name) && name !== CREDENTIAL_HEADER);
  const contentType = response.headers['content-type'] ?? null;
  return {
    description: describeInteraction(result),
    providerState: result.providerState,
    comments: { case: result.case, operation: result.operation },
    request: {
      method: request.method,
      path: request.path,
      query: [...new URLSearchParams(request.query)],
      headers: [...headers, [CREDENTIAL_HEADER, request.credential]],
    },
    response: {
      status: response.status,
      contentType,
      mediaType: contentType ? essence(contentType) : null,
      body: contentType && !response.truncated && isJsonMediaType(contentType) ? jsonBody(result.derived, document) : undefined,
    },
  };
}

/** The body's matchers, or undefined when it is empty or not JSON (then only status and content type are held). */
function jsonBody(derived: DerivedResponse | undefined, document: object | null): unknown {
  if (!derived?.json) return undefined;
  const { schemaPointer, branches } = derived;
  return bodyMatcher(derived.json.value, document && schemaPointer !== null ? { document, schemaPointer, branches } : null);
}
