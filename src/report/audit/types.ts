import type { Recognition } from '../../checks/index.ts';
import type { CredentialUse } from '../../vendors/index.ts';
import type { ExpectedStatus, JudgedOutcome } from '../../results/index.ts';
import type { OperationCoverage } from '../types.ts';
import type { Severity } from '../../findings/index.ts';
import type { SeverityCounts, Verdict, VendorReport } from '../types.ts';

/** What `conform audit` hands the builders: one judged run against a vendor's base URL, and what its documents say. */
export interface AuditInput {
  /** The judged vendor report of the audit run: interactions, findings (with severity and message), specDefects, counts, outcomes, verdict. */
  report: VendorReport;
  /** 0 pass, 1 breaking, 2 could not run, 3 inconclusive. */
  exitCode: number;
  /** One entry per operation of the documents. */
  coverage: OperationCoverage[];
  /** Per case name: which credential it sent and what status it expected. */
  cases: Record<string, { credential: CredentialUse; expected: ExpectedStatus }>;
  /** Every operation of the documents ("GET /accounts/{id}"): whether it documents an error response (4xx, 4XX or default) with a schema. */
  operations: Array<{ operation: string; errorSchema: boolean }>;
  /** The operations a money rule reaches (the vendor file's rules, or a shape recognised in the documents), and the recognised shapes. */
  money: { operations: string[]; recognitions: Recognition[] };
}

/** A count over a count, as the report shows it, so a reader can check a score by hand. */
export interface Ratio {
  numerator: number;
  denominator: number;
}

/** One scorecard dimension: a score 0-100, or null (n/a) when the run had nothing to measure it on. */
export interface Dimension extends Ratio {
  score: number | null;
}

/** Document quality has two figures: spec defects per operation (numerator/denominator) and operations without an error schema. */
export interface DocumentQuality extends Dimension {
  withoutErrorSchema: Ratio;
}

export interface Scorecard {
  documentQuality: DocumentQuality;
  coverage: Dimension;
  conformance: Dimension;
  errorDiscipline: Dimension;
  authEnforcement: Dimension;
  undocumentedFields: Dimension;
  /** Shown, not weighted (docs/audit.md): success answers a money rule reached with no semantic finding / such answers. */
  moneyIntegrity: Dimension;
  /** The weighted mean of the dimensions that have a score, rounded; null when none has. */
  weightedScore: number | null;
  /** From the weighted score by GRADE_BANDS; null (n/a) when no case was answered. */
  grade: Grade | null;
}

export type DimensionName = Exclude<keyof Scorecard, 'weightedScore' | 'grade'>;
/** The dimensions the weighted score is made of. */
export type WeightedDimension = Exclude<DimensionName, 'moneyIntegrity'>;
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

export interface AuditFinding {
  id: string;
  severity: Severity;
  pointer: string | null;
  operation: string | null;
  status: number | null;
  fingerprint: string;
  expected: string | null;
  observed: string | null;
  case: string;
  message: string;
}

export interface AuditInteraction {
  method: string;
  path: string;
  operation: string;
  case: string;
  status: number | null;
  outcome: JudgedOutcome;
}

export interface AuditSpecDefect {
  id: string;
  severity: Severity;
  /** The document the defect is in, and where in it (JSON pointer); null when the finding carries no location. */
  file: string | null;
  pointer: string | null;
  message: string;
}

/** audit.json: one vendor's onboarding audit. Field names are public interface (docs/audit.md). */
export interface AuditReport {
  vendor: string;
  /** Never holds credentials. */
  baseUrl: string;
  /** The first document's file; null when the audit loaded none. */
  spec: string | null;
  specs: Array<{ file: string; version: string }>;
  startedAt: string;
  finishedAt: string;
  /** null when the run recorded none (it could not run). */
  verdict: Verdict | null;
  exitCode: number;
  findings: AuditFinding[];
  interactions: AuditInteraction[];
  coverage: OperationCoverage[];
  specDefects: AuditSpecDefect[];
  /** The ledger shapes recognised in the documents without configuration: why a money rule applied. */
  recognitions: Recognition[];
  counts: { findings: SeverityCounts; specDefects: SeverityCounts; outcomes: Record<JudgedOutcome, number> };
  scorecard: Scorecard;
}
