import type { CaseResult } from '../results/index.ts';
import { essence, isJsonMediaType } from '../spec/lookup.ts';
import { CREDENTIAL_HEADER, isCredentialHeader } from './credentials.ts';
import { bodyMatcher } from './matchers.ts';
import type { ResponseSchema } from './response-schema.ts';

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

/** The interaction a case that got a response stands for; no body is recorded unless it is complete JSON. */
export function planInteraction(result: CaseResult & { response: NonNullable<CaseResult['response']> }, documented: ResponseSchema | null): InteractionPlan {
  const { request, response } = result;
  const headers = Object.entries(request.headers)
    .map(([name, value]): [string, string] => [name.toLowerCase(), value])
    .filter(([name]) => !isCredentialHeader(name) && name !== CREDENTIAL_HEADER);
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
      body: contentType && !response.truncated && isJsonMediaType(contentType) ? jsonBody(response.body, documented) : undefined,
    },
  };
}

/** The body's matchers, or undefined when it is empty or not JSON (then only status and content type are held). */
function jsonBody(text: string, documented: ResponseSchema | null): unknown {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return bodyMatcher(value, documented?.schema, documented?.document);
}
