import { createHash } from 'node:crypto';
import { jsonPrefix } from '../json/prefix.ts';
import { FINDING_KINDS, type FindingId, type MessageFacts, type Severity } from './registry.ts';

/** A finding is plain, serialisable data: reports, baselines and waivers all read this shape. */
export interface Finding {
  id: FindingId;
  severity: Severity;
  vendor: string;
  /** e.g. "GET /ledger_accounts/{id}"; null for document-wide spec findings. */
  operation: string | null;
  status: number | null;
  /** RFC 6901 pointer into the response body; null when the finding is not about the body. */
  pointer: string | null;
  expected: string | null;
  observed: string | null;
  message: string;
  fingerprint: string;
  /** Where in the vendor's document a spec-* finding sits. */
  location?: { file: string; pointer: string };
}

export interface FindingFacts {
  id: FindingId;
  vendor: string;
  operation?: string | null;
  status?: number | null;
  pointer?: string | null;
  expected?: string | null;
  observed?: string | null;
  location?: { file: string; pointer: string };
}

export type SeverityOverrides = Partial<Record<FindingId, Severity>>;

export function makeFinding(facts: FindingFacts, overrides: SeverityOverrides = {}): Finding {
  const data: MessageFacts & { id: FindingId; vendor: string } = {
    id: facts.id,
    vendor: facts.vendor,
    operation: facts.operation ?? null,
    status: facts.status ?? null,
    pointer: facts.pointer ?? null,
    expected: facts.expected ?? null,
    observed: facts.observed ?? null,
    location: facts.location ?? null,
  };
  const kind = FINDING_KINDS[facts.id];
  const finding: Finding = {
    id: data.id,
    severity: overrides[facts.id] ?? kind.severity,
    vendor: data.vendor,
    operation: data.operation,
    status: data.status,
    pointer: data.pointer,
    expected: data.expected,
    observed: data.observed,
    message: kind.message(data),
    fingerprint: fingerprint(data),
  };
  if (facts.location) finding.location = facts.location;
  return finding;
}

/**
 * Stable across runs: array indices are normalised so "/balances/3/currency" and "/balances/0/currency"
 * are one finding, and nothing volatile (observed values, times) goes in.
 */
export function fingerprint(f: Pick<MessageFacts, 'operation' | 'status' | 'pointer' | 'location'> & { id: string; vendor: string }): string {
  const where = f.pointer ?? (f.location ? `${f.location.file}#${f.location.pointer}` : '');
  const key = [f.id, f.vendor, f.operation ?? '', f.status ?? '', normaliseIndices(where)].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

// Array indices become "*" (/balances/2/currency is /balances/*/currency): how fingerprints and baselines see items.
export function normaliseIndices(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

/**
 * How much of an observed value a finding keeps as evidence: bounded (a hostile body can be large) but
 * far longer than any credential, so redaction always sees a secret whole in the part that is shown.
 */
export const EVIDENCE_LIMIT = 4096;
/** How much of expected and observed a report or log shows: cut by displayFinding, only after redaction. */
export const DISPLAY_LIMIT = 80;

/**
 * An observed value as one line of JSON, kept up to EVIDENCE_LIMIT characters. Serialised from a
 * prefix of the value (jsonPrefix), so it costs what it keeps however large or deep the value is.
 */
export function excerpt(value: unknown): string {
  return value === undefined ? 'undefined' : cut(JSON.stringify(jsonPrefix(value, EVIDENCE_LIMIT)), EVIDENCE_LIMIT);
}

/**
 * The finding as reports show it: expected and observed cut to DISPLAY_LIMIT and the message rendered
 * again from them. Run it after redaction, never before: the cut could split a secret and hide it
 * from the search. The fingerprint does not change (it holds no observed value).
 */
export function displayFinding<F extends Finding>(finding: F): F {
  const expected = finding.expected === null ? null : cut(finding.expected, DISPLAY_LIMIT);
  const observed = finding.observed === null ? null : cut(finding.observed, DISPLAY_LIMIT);
  if (expected === finding.expected && observed === finding.observed) return finding;
  const facts = { operation: finding.operation, status: finding.status, pointer: finding.pointer, expected, observed, location: finding.location ?? null };
  return { ...finding, expected, observed, message: FINDING_KINDS[finding.id].message(facts) };
}

function cut(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
