import { createHash } from 'node:crypto';
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

const EXCERPT_LIMIT = 80;

/** A short, single-line rendering of an observed value for a report. */
export function excerpt(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : JSON.stringify(value);
  } catch {
    // JSON.stringify recurses: a value nested thousands of levels deep (a hostile body) overflows it.
    return '(nested too deeply to show)';
  }
  return text.length > EXCERPT_LIMIT ? `${text.slice(0, EXCERPT_LIMIT - 1)}…` : text;
}
