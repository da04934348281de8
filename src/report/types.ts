import type { Finding } from '../findings/finding.ts';
import type { CaseOutcome } from '../results/index.ts';

export interface Interaction {
  method: string;
  path: string;
  operation: string;
  case: string;
  status: number | null;
  durationMs: number;
  outcome: CaseOutcome;
  /** Why a case was skipped or could not reach the vendor. */
  reason: string | null;
}

/** How a finding stands against the baseline and the waivers (issue 5); absent before baselines exist. */
export type FindingState = 'new' | 'known' | 'waived';

export type ReportedFinding = Finding & {
  case: string;
  state?: FindingState;
  /** The waiver that accepts a `waived` finding. */
  waiver?: { reason: string; expires: string };
};

/** A finding of the baseline that this run no longer shows. */
export interface ResolvedFinding {
  fingerprint: string;
  id: string;
  operation: string | null;
  case: string;
  pointer: string | null;
}

export type Verdict = 'pass' | 'fail' | 'inconclusive';

export type SeverityCounts = Record<Finding['severity'], number>;

/** reports/latest/VENDOR.json: what one vendor did in one run. Field names are public interface. */
export interface VendorReport {
  vendor: string;
  mode: 'sandbox' | 'live';
  scenario: string | null;
  /** Never holds credentials. */
  baseUrl: string;
  spec: Array<{ file: string; version: string }>;
  startedAt: string;
  finishedAt: string;
  interactions: Interaction[];
  findings: ReportedFinding[];
  counts: SeverityCounts;
  outcomes: Record<CaseOutcome, number>;
  /** Defects of the vendor's documents (spec-* findings), located in the document. */
  specDefects: Finding[];
  /** Set once baselines and waivers are applied (issue 5). */
  verdict?: Verdict;
  resolved?: ResolvedFinding[];
  /** Waivers that matched nothing, and waivers past their expiry (which no longer waive). */
  staleWaivers?: string[];
  expiredWaivers?: string[];
}

/** reports/latest/summary.json. */
export interface RunSummary {
  startedAt: string;
  finishedAt: string;
  exitCode: number;
  vendors: Array<Pick<VendorReport, 'vendor' | 'mode' | 'scenario' | 'baseUrl' | 'counts' | 'outcomes' | 'verdict'> & { report: string }>;
  /** What kept parts of the run from running (a suite that failed to load, no vendor reachable). */
  problems: string[];
}
