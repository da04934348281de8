import type { JudgedDefect, JudgedFinding, ResolvedFinding, SeverityCounts, Verdict } from '../judge/index.ts';
import type { JudgedOutcome } from '../results/index.ts';
import type { OperationCoverage } from '../run/index.ts';
import type { SpecChange } from '../spec/index.ts';

export interface Interaction {
  method: string;
  path: string;
  operation: string;
  case: string;
  status: number | null;
  durationMs: number;
  outcome: JudgedOutcome;
  /** Why a case was skipped or could not reach the vendor. */
  reason: string | null;
}

export type { FindingState, ResolvedFinding, SeverityCounts, Verdict } from '../judge/index.ts';
export type { MissingFixture, OperationCoverage } from '../run/index.ts';

/** A judged finding as reports show it: with its message, rendered from its facts. */
export type ReportedFinding = JudgedFinding & { message: string };
export type ReportedDefect = JudgedDefect & { message: string };

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
  outcomes: Record<JudgedOutcome, number>;
  /** Defects of the vendor's documents (spec-* findings), located in the document. */
  specDefects: ReportedDefect[];
  /** Absent from reports written before baselines and waivers existed, which `conform report` still renders. */
  verdict?: Verdict;
  resolved?: ResolvedFinding[];
  /** Waivers that matched nothing, and waivers past their expiry (which no longer waive). */
  staleWaivers?: string[];
  expiredWaivers?: string[];
  /**
   * What became of every operation of the vendor's documents when its cases were derived from them:
   * exercised, or why not (a not-reachable one names the fixtures it needs). Absent when the vendor
   * file lists its cases.
   */
  coverage?: OperationCoverage[];
  /** The vendor's published document against its newest checked-in version (a run with CONFORM_REFRESH_SPECS=1 and an upstream); absent otherwise. */
  specChangedUpstream?: SpecChangedUpstream;
}

/**
 * VENDOR.json `specChangedUpstream`: the graded change list (the breaking ones are also
 * spec-changed-upstream findings), or why the upstream could not be compared. Field names are public interface.
 */
export type SpecChangedUpstream =
  | { url: string; base: string; breaking: boolean; changes: SpecChange[] }
  | { url: string; unreachable: string };

/** reports/latest/summary.json. */
export interface RunSummary {
  startedAt: string;
  finishedAt: string;
  exitCode: number;
  vendors: Array<Pick<VendorReport, 'vendor' | 'mode' | 'scenario' | 'baseUrl' | 'counts' | 'outcomes' | 'verdict'> & { report: string }>;
  /** What kept parts of the run from running (a suite that failed to load, no vendor reachable). */
  problems: string[];
}
