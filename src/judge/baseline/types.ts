import type { FindingId } from '../../findings/index.ts';

/** JSON types as a baseline records them; null is recorded apart (`nullable`), since "now null" is its own change. */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'boolean';

/** A live vendor and its embedded sandbox answer with different data: each has its own baseline. */
export type BaselineMode = 'live' | 'sandbox';

/**
 * baselines/VENDOR.json (live) or VENDOR.sandbox.json: what one vendor's responses looked like over the
 * runs accepted so far, and which findings those runs had. Checked in and reviewed, so it is sorted,
 * holds no time but `updatedAt` and each finding's `firstSeen`, and no counter that every accepted run
 * would rewrite: accepting one change rewrites the lines of what changed.
 */
export interface Baseline {
  version: 2;
  vendor: string;
  mode: BaselineMode;
  updatedAt: string;
  /** Keyed by operation, e.g. "GET /ledger_accounts/{id}". */
  operations: Record<string, OperationShape>;
  /** The accepted run's findings, one entry per fingerprint and case, sorted. */
  findings: BaselineFinding[];
}

export interface OperationShape {
  /** Keyed by case name: every status and media type the case answered with. */
  cases: Record<string, CaseShape>;
  /** Keyed by status: the shape of the JSON bodies answered with that status. */
  responses: Record<string, ResponseShape>;
}

export interface CaseShape {
  statuses: number[];
  /** Content-Type essences ("application/json"), "(none)" when the header was absent. */
  mediaTypes: string[];
}

export interface ResponseShape {
  /** Keyed by JSON pointer, each array index written as a `*` segment. */
  properties: Record<string, PropertyShape>;
  /**
   * Keyed by pointer (indices as `*`): how the amounts a money rule reached were written. Absent in
   * baselines written before conform read amounts, and where no rule reached one: nothing is compared then.
   */
  amounts?: Record<string, AmountShape>;
}

/** How an amount was written over the accepted runs; no value. */
export interface AmountShape {
  /** 'string' is a decimal string ("1000.50"), 'number' a JSON number. */
  encodings: Array<'number' | 'string'>;
  /** The decimals its decimal strings were written with; a number's decimals follow its value (100.5 is never written 100.50), so they are not kept. */
  scales: number[];
}

export interface PropertyShape {
  /** Non-null JSON types seen. */
  types: JsonType[];
  /** Whether it was ever null. */
  nullable: boolean;
  /** Codes seen in it when it only ever held a few ("usd", "LIVE"); "free-form" once it held anything else; null when it never held a string. */
  values: string[] | 'free-form' | null;
  /** Whether it appeared in every accepted run that answered its response shape: only then is its absence a change. */
  always: boolean;
  /** The cases whose bodies had it, in the last accepted run that showed it: where its absence is judged. */
  cases: string[];
}

export interface BaselineFinding {
  fingerprint: string;
  id: FindingId;
  operation: string | null;
  case: string;
  /** With array indices written `*`, as in the fingerprint. */
  pointer: string | null;
  /** When a run first saw the fingerprint (ISO 8601): what a run reports when the reports folder lost its ledger of first sightings. */
  firstSeen: string;
}
