import type { ExpectedStatus } from './expected-status.ts';
import type { ResponseFacts } from '../checks/index.ts';
import type { Finding } from '../findings/index.ts';
import type { TransportErrorCode } from '../http/index.ts';

/**
 * What a case did. A run says `answered` (its findings are facts, with no severity yet); the judge
 * (src/judge) turns that into `passed` or `failed` under the severity policy and the waivers, or
 * `unverified` when the answer could not be checked (cut at the size cap, a check that could not run,
 * a 5xx or 429 the case did not expect): never `passed` for what nobody checked.
 */
export type CaseOutcome = 'answered' | JudgedOutcome;
export type JudgedOutcome = 'passed' | 'failed' | 'unverified' | 'skipped' | 'transport-error';

/**
 * What one suite case did and found: plain data, carried from a suite worker to the run (vitest task
 * meta), from which reports and contracts are built. Request headers hold no credentials.
 */
export interface CaseResult {
  vendor: string;
  mode: 'sandbox' | 'live';
  case: string;
  operation: string;
  /** The vendor document the case was checked against. */
  spec: { file: string; version: string };
  outcome: CaseOutcome;
  /** Why the case was skipped, could not reach the vendor, or (once judged) went unverified. */
  reason: string | null;
  /** For a transport error: its stable code, which tells a vendor that answered (UNAVAILABLE) from one never reached. */
  transportCode?: TransportErrorCode;
  request: { method: string; path: string; query: string; headers: Record<string, string>; credential: string };
  response: { status: number; headers: Record<string, string>; body: string; truncated: boolean } | null;
  expectedStatus: ExpectedStatus;
  providerState: string | null;
  startedAt: string;
  durationMs: number;
  attempts: number;
  findings: Finding[];
  /** What the checks worked out about the response; absent when there was none to check. */
  derived?: DerivedResponse;
}

export interface DerivedResponse extends ResponseFacts {
  /**
   * The body as the checks parsed it, masked like `response.body`: what baselines and contracts read.
   * Null when it was not read as JSON (neither declared nor documented so, cut at the cap, empty or
   * unparseable). Containers nested deeper than 64 levels are carried empty (privacy/carried.ts).
   */
  json: { value: unknown } | null;
}
