import { createHash } from 'node:crypto';
import { jsonPrefix } from '../json/index.ts';
import { FINDING_KINDS, type FindingId, type MessageFacts } from './registry.ts';

/**
 * A finding is a plain, serialisable fact: what was seen, where, against what. It carries no severity
 * (the judge applies the policy, src/judge) and no message (renderers make one, `messageOf`).
 */
export interface Finding {
  id: FindingId;
  vendor: string;
  /** e.g. "GET /ledger_accounts/{id}"; null for document-wide spec findings. */
  operation: string | null;
  status: number | null;
  /** RFC 6901 pointer into the response body; null when the finding is not about the body. */
  pointer: string | null;
  expected: string | null;
  observed: string | null;
  fingerprint: string;
  /** Where in the vendor's document a spec-* finding sits. */
  location?: { file: string; pointer: string };
  /** For `response-findings-truncated`: the IDs of the findings it stands for (its severity is never less than theirs). */
  covers?: FindingId[];
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
  covers?: FindingId[];
}

export function makeFinding(facts: FindingFacts): Finding {
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
  const finding: Finding = {
    id: data.id,
    vendor: data.vendor,
    operation: data.operation,
    status: data.status,
    pointer: data.pointer,
    expected: data.expected,
    observed: data.observed,
    fingerprint: fingerprint(data),
  };
  if (facts.location) finding.location = facts.location;
  if (facts.covers) finding.covers = facts.covers;
  return finding;
}

/** The finding in words, from its facts: for renderers, at the edge. */
export function messageOf(finding: Finding): string {
  return FINDING_KINDS[finding.id].message({ ...finding, location: finding.location ?? null });
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
 * The finding as reports show it: expected and observed cut to DISPLAY_LIMIT. Run it after redaction,
 * never before: the cut could split a secret and hide it from the search. The fingerprint does not
 * change (it holds no observed value).
 */
export function displayFinding<F extends Finding>(finding: F): F {
  const expected = finding.expected === null ? null : cut(finding.expected, DISPLAY_LIMIT);
  const observed = finding.observed === null ? null : cut(finding.observed, DISPLAY_LIMIT);
  if (expected === finding.expected && observed === finding.observed) return finding;
  return { ...finding, expected, observed };
}

function cut(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
