import type { Finding } from '../findings/index.ts';
import type { Severity } from '../findings/index.ts';
import type { CaseResult, JudgedOutcome } from '../results/index.ts';

/** A case result with its outcome judged: `answered` became passed, failed or unverified. */
export type JudgedCase = Omit<CaseResult, 'outcome'> & { outcome: JudgedOutcome };

/** A finding and the case it was seen in. */
export type CaseFinding = Finding & { case: string };

/** How a finding stands against the baseline and the waivers. */
export type FindingState = 'new' | 'known' | 'waived';

/** A finding as the judge leaves it: the policy's severity stamped on, its baseline state and any waiver. */
export type JudgedFinding = CaseFinding & {
  severity: Severity;
  state?: FindingState;
  /** The waiver that accepts a `waived` finding. */
  waiver?: { reason: string; expires: string };
  /** When a run of this vendor (in this mode) first saw the fingerprint, ISO 8601; absent outside a run. */
  firstSeen?: string;
  /** Runs of this vendor (in this mode) since then, this one included: 1 for a finding new in this run. */
  seenRuns?: number;
};

/** A defect of a vendor's document with the policy's severity. */
export type JudgedDefect = Finding & { severity: Severity };

/** A finding of the baseline that this run no longer shows. */
export interface ResolvedFinding {
  fingerprint: string;
  id: string;
  operation: string | null;
  case: string;
  pointer: string | null;
}

export type Verdict = 'pass' | 'fail' | 'inconclusive';

export type SeverityCounts = Record<Severity, number>;
