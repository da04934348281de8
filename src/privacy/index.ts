import type { Finding } from '../findings/index.ts';
import type { LoadedSpec } from '../spec/index.ts';
import { carriedJson } from './carried.ts';
import { maskHeaders } from './headers.ts';
import type { ListedPointers } from './listed-pointers.ts';
import { maskJson, type BodyKnowledge } from './mask-body.ts';
import { maskFindings } from './mask-findings.ts';
import { maskedPointer, NOTHING_RENAMED } from './mask-keys.ts';
import { textPlaceholder } from './placeholder.ts';
import { serializeJson } from './serialize.ts';

export { ListedPointers } from './listed-pointers.ts';
export { placeholderFor } from './placeholder.ts';
export type { BodyKnowledge } from './mask-body.ts';

/**
 * Personal data leaves conform by allowlist only: a value is shown where it is known not to be
 * personal, and everything else is replaced by a stable placeholder of the same type and shape (see
 * docs/privacy.md). This runs once per response, in the suite worker, right after the checks, so
 * what leaves the worker (reports, contracts, baselines, logs) is already masked.
 */
export interface ResponseToMask {
  headers: Readonly<Record<string, string>>;
  body: Uint8Array;
  truncated: boolean;
  /** The body as the checks parsed it, and its text; undefined when it was not read as JSON or did not parse. */
  parsed: { value: unknown; text: string } | undefined;
  findings: readonly Finding[];
  /** The oneOf/anyOf branches the checks held the body to, by body pointer: the pointers hold the body's keys. */
  branches: Readonly<Record<string, string[]>>;
}

export interface MaskedResponse {
  headers: Record<string, string>;
  body: string;
  /** The masked body as parsed JSON, for later stages to read without parsing `body` again (see carried.ts); null when it was not JSON. */
  parsed: { value: unknown } | null;
  findings: Finding[];
  /** The branches by masked body pointer, so they name the masked body's keys. */
  branches: Record<string, string[]>;
}

/** What masking knows about one response of `spec`: its documented body schema, the values the case sent, the vendor's listed places. */
export function bodyKnowledge(spec: LoadedSpec, schemaPointer: string | null, sentValues: Iterable<string>, listed: ListedPointers): BodyKnowledge {
  const { registry, documentId } = spec.validation;
  return { source: { document: spec.document, registry, documentId }, schemaPointer, sentValues: new Set(sentValues), listed };
}

export function maskResponse(response: ResponseToMask, knowledge: BodyKnowledge): MaskedResponse {
  const parsed = response.truncated ? undefined : response.parsed;
  const masked = parsed === undefined ? undefined : maskJson(parsed.value, parsed.text, knowledge);
  // A text, a body that did not parse, a body cut at the cap: nothing says where its data is, so it is replaced whole.
  const body = response.body.length === 0 ? '' : masked === undefined ? textPlaceholder(response.body) : serializeJson(masked.value, masked.rawNumbers);
  const carried = masked === undefined ? null : { value: carriedJson(masked.value, masked.nestsDeeper) };
  const renamed = masked?.renamedKeys ?? NOTHING_RENAMED;
  const branches: Record<string, string[]> = {};
  // Body pointers: '' or starting with '/', so never a key an object literal treats specially.
  for (const [pointer, held] of Object.entries(response.branches)) branches[pointer === '' ? '' : maskedPointer(pointer, parsed?.value, renamed)] = held;
  return { headers: maskHeaders(response.headers), body, parsed: carried, findings: maskFindings(response.findings, parsed?.value, masked), branches };
}

const NAMES_KEYS_ONLY = /^Actual map is missing the following keys: [^'"]*$/;
const NOT_SHOWN = 'the value differs from the contract (not shown: it is not known to be free of personal data)';

/**
 * A Pact Verifier mismatch as `conform verify` may show and store it. Status, header and content type
 * mismatches (the only ones without a body pointer: a contract holds no other headers) quote nothing
 * personal; a body mismatch quotes the vendor's value, shown only at a place the vendor lists as not
 * personal or when it names keys only.
 */
export function maskContractMismatch(mismatch: { pointer: string | null; text: string }, listed: { lists(pointer: string): boolean }): string {
  if (mismatch.pointer === null || listed.lists(mismatch.pointer) || NAMES_KEYS_ONLY.test(mismatch.text)) return mismatch.text;
  return NOT_SHOWN;
}
