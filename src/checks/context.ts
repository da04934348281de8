import { EVIDENCE_LIMIT, excerpt } from '../findings/index.ts';
import { mayHoldInexactNumbers } from '../json/index.ts';
import { heldBranches, type HeldBranches } from '../schema/index.ts';
import { isJsonMediaType, essence, findMediaType, findResponse } from '../spec/index.ts';
import type { LoadedSpec, MediaTypeEntry, Operation, ResponseEntry } from '../spec/index.ts';
import { amountEncodings } from './semantic/amounts.ts';
import { ISO_ONLY, NO_RULES, type AmountEncoding, type SemanticInput } from './semantic/rules.ts';

/** A real response as it came off the wire. Header names are lower-case. */
export interface ObservedResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  /** True when the body was cut at the size cap: it is then not parsed or checked. */
  truncated?: boolean;
}

/** `inexact`: mayHoldInexact's answer, once a check has asked (undefined until then). */
export type ParsedBody = { ok: true; value: unknown; text: string; inexact?: boolean } | { ok: false; problem: string };

/**
 * Everything the checks read, derived once per response: which documented response and media type
 * apply, and the parsed body. Checks are pure functions of this.
 */
export interface CheckContext {
  spec: LoadedSpec;
  operation: Operation;
  response: ObservedResponse;
  /** The Content-Type essence, or null when the header is absent. */
  contentType: string | null;
  documented: ResponseEntry | undefined;
  /** The documented media type the body is checked against (for a missing Content-Type, the only JSON one). */
  media: MediaTypeEntry | undefined;
  /** Present when the body is declared or documented as JSON. */
  json: ParsedBody | undefined;
  /** The money rules declared for the operation, the vendor's currencies and the request's path parameters. */
  semantic: SemanticInput;
}

/** No declared rules, ISO 4217 currencies only, no request: what a response checked on its own is held to. */
export const NO_SEMANTIC_INPUT: SemanticInput = Object.freeze({ declared: NO_RULES, currencies: ISO_ONLY, params: null });

export function inspectResponse(spec: LoadedSpec, operation: Operation, response: ObservedResponse, semantic: SemanticInput = NO_SEMANTIC_INPUT): CheckContext {
  const plan = planFor(operation, response.status, response.headers['content-type']);
  const json = (plan.declaredJson || plan.documentedJson) && !response.truncated ? parseJson(response.body) : undefined;
  return { spec, operation, response, contentType: plan.contentType, documented: plan.documented, media: plan.media, json, semantic };
}

/**
 * What the checks worked out about a response that later stages (masking, baselines, contracts) read
 * instead of looking it up again. Plain data: it crosses from a suite worker with the case result.
 */
export interface ResponseFacts {
  /** The documented response it answered to, as the document keys it ("200", "4XX", "default"); null when none. */
  responseKey: string | null;
  /** The documented media type its body was checked against; null when none. */
  mediaType: string | null;
  /** Pointer of that media type's schema in the vendor document; null when it documents none. */
  schemaPointer: string | null;
  /** For each oneOf/anyOf the body met, the branch the checker held it to (see schema/branches.ts). */
  branches: HeldBranches;
  /** How each amount a money rule reaches was written (semantic/amounts.ts): a baseline compares them. */
  amounts: AmountEncoding[];
}

export function responseFacts(context: CheckContext): ResponseFacts {
  const { spec, documented, media, json } = context;
  const schemaPointer = media?.schemaPointer ?? null;
  const { registry, documentId } = spec.validation;
  const validatorAt = (pointer: string) => {
    try {
      return registry.validator(documentId, pointer);
    } catch {
      // The body-schema check reports a schema that cannot compile; here it simply holds nothing.
      return undefined;
    }
  };
  return {
    responseKey: documented?.statusKey ?? null,
    mediaType: media?.mediaType ?? null,
    schemaPointer,
    branches: schemaPointer !== null && json?.ok ? heldBranches(json.value, schemaPointer, { document: spec.document, validatorAt }) : {},
    amounts: amountEncodings(context),
  };
}

/** What a status and Content-Type resolve to in the document: the same for every response that has them. */
interface ResponsePlan {
  contentType: string | null;
  documented: ResponseEntry | undefined;
  media: MediaTypeEntry | undefined;
  declaredJson: boolean;
  documentedJson: boolean;
}

// Per-response lookups are on the hot path; vendors repeat a handful of status/Content-Type pairs.
// Nested maps keyed by values the response already holds: no key string is built per response.
const plans = new WeakMap<Operation, Map<number, Map<string | undefined, ResponsePlan>>>();
const MAX_PLANS_PER_STATUS = 64;

function planFor(operation: Operation, status: number, header: string | undefined): ResponsePlan {
  let byStatus = plans.get(operation);
  if (!byStatus) plans.set(operation, (byStatus = new Map()));
  let byHeader = byStatus.get(status);
  if (!byHeader) byStatus.set(status, (byHeader = new Map()));
  let plan = byHeader.get(header);
  if (!plan) {
    const contentType = header ? essence(header) : null;
    const documented = findResponse(operation, status);
    const media = documented && mediaFor(documented, contentType);
    plan = {
      contentType,
      documented,
      media,
      declaredJson: contentType !== null && isJsonMediaType(contentType),
      documentedJson: media !== undefined && isJsonMediaType(media.mediaType),
    };
    if (byHeader.size < MAX_PLANS_PER_STATUS) byHeader.set(header, plan);
  }
  return plan;
}

function mediaFor(documented: ResponseEntry, contentType: string | null): MediaTypeEntry | undefined {
  if (contentType !== null) return findMediaType(documented, contentType);
  const json = documented.content.filter((c) => isJsonMediaType(c.mediaType));
  return json.length === 1 ? json[0] : undefined;
}

/**
 * Whether a parsed body's text may hold a number a double cannot keep (mayHoldInexactNumbers): scanned
 * once per response, whichever check asks first (lost fractions, the money checks' amounts and figures).
 * The answer is kept on the body itself: a WeakMap entry per response cost more than the scan it saved.
 */
export function mayHoldInexact(json: { text: string; inexact?: boolean }): boolean {
  return (json.inexact ??= mayHoldInexactNumbers(json.text));
}

// Stateless between calls (no stream option), so one decoder serves every response.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function parseJson(body: Uint8Array): ParsedBody {
  if (body.length === 0) return { ok: false, problem: 'empty body' };
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    return { ok: false, problem: 'invalid UTF-8' };
  }
  try {
    return { ok: true, value: JSON.parse(text), text, inexact: undefined };
  } catch (error) {
    // The body's start is kept whole (as any evidence) so redaction sees a credential in it before the
    // report cuts it; V8's own ten-character quote of the body could hold a piece of one, and goes.
    const message = (error as Error).message.replace(/, ".*" is not valid JSON$|, ".*"\.\.\. is not valid JSON$/s, ' is not valid JSON');
    return { ok: false, problem: `${message} (body starts ${excerpt(text.slice(0, EVIDENCE_LIMIT).replace(/\s+/g, ' '))})` };
  }
}
