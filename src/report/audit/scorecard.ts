import { FINDING_KINDS, type FindingId } from '../../findings/index.ts';
import { statusMeets } from '../../results/index.ts';
import type { CredentialUse } from '../../vendors/index.ts';
import { casesByOperation, type ReportedCase } from '../formats/cases.ts';
import type { ReportedFinding } from '../types.ts';
import type { AuditInput, Dimension, DimensionName, DocumentQuality, Grade, Scorecard, WeightedDimension } from './types.ts';

/** How much each dimension weighs in the overall score (docs/audit.md explains the choice). */
export const WEIGHTS: Readonly<Record<WeightedDimension, number>> = {
  conformance: 30,
  authEnforcement: 20,
  errorDiscipline: 15,
  coverage: 15,
  documentQuality: 10,
  undocumentedFields: 10,
};

/** The lowest weighted score of each grade, best first; below the last band the grade is F. */
export const GRADE_BANDS: ReadonlyArray<readonly [Grade, number]> = [
  ['A', 90],
  ['B', 80],
  ['C', 70],
  ['D', 60],
];

/**
 * The findings that say an error answer's body did not match what its document promises: not the
 * documented media type, not JSON, or against its schema. Undocumented properties are their own
 * dimension; a status the document does not list is conformance's; a body too large or too deep to
 * check says nothing either way.
 */
export const ERROR_BODY_FINDINGS: ReadonlySet<FindingId> = new Set<FindingId>([
  'response-media-type-undocumented',
  'response-body-not-json',
  'response-property-missing',
  'response-property-type-mismatch',
  'response-property-enum-mismatch',
  'response-property-format-mismatch',
  'response-body-schema-mismatch',
]);

/** The credentials a case sends to test that the vendor refuses it. */
export const CREDENTIAL_CASES: ReadonlySet<CredentialUse> = new Set<CredentialUse>(['none', 'invalid', 'limited']);

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export function buildScorecard(input: AuditInput): Scorecard {
  const answered = casesByOperation(input.report)
    .flatMap((group) => group.cases)
    .filter((c) => c.interaction.status !== null && (c.interaction.outcome === 'passed' || c.interaction.outcome === 'failed'));
  const dimensions = {
    documentQuality: documentQuality(input),
    coverage: coverage(input),
    conformance: share(answered, (c) => c.interaction.outcome === 'passed'),
    errorDiscipline: share(
      answered.filter((c) => c.interaction.status! >= 400),
      (c) => !c.findings.some(isErrorBodyFinding),
    ),
    authEnforcement: authEnforcement(input, answered),
    undocumentedFields: rate(input.report.findings.filter((f) => f.id === 'response-property-undocumented').length, answered.length),
    moneyIntegrity: moneyIntegrity(input, answered),
  };
  const weightedScore = weightedMean(dimensions);
  // A vendor with no answered case was never observed: its document alone does not earn a grade.
  const grade = weightedScore === null || dimensions.conformance.score === null ? null : gradeOf(weightedScore);
  return { ...dimensions, weightedScore, grade };
}

export function gradeOf(score: number): Grade {
  return GRADE_BANDS.find(([, lowest]) => score >= lowest)?.[0] ?? 'F';
}

function documentQuality(input: AuditInput): DocumentQuality {
  const operations = input.operations.length;
  const defects = input.report.specDefects.length;
  const without = input.operations.filter((o) => !o.errorSchema).length;
  const score = operations === 0 ? null : Math.round(100 - 50 * Math.min(1, defects / operations) - 50 * (without / operations));
  return { score, numerator: defects, denominator: operations, withoutErrorSchema: { numerator: without, denominator: operations } };
}

function coverage(input: AuditInput): Dimension {
  const safe = input.coverage.filter((entry) => SAFE_METHODS.has(entry.operation.split(' ')[0]!.toUpperCase()));
  return share(safe, (entry) => entry.state === 'exercised');
}

function authEnforcement(input: AuditInput, answered: readonly ReportedCase[]): Dimension {
  const credentialCases = answered.flatMap((c) => {
    const sent = input.cases[c.interaction.case];
    return sent && CREDENTIAL_CASES.has(sent.credential) ? [{ expected: sent.expected, status: c.interaction.status! }] : [];
  });
  return share(credentialCases, (c) => statusMeets(c.expected, c.status));
}

/** Money rules hold success bodies (checks/semantic): the success answers of the operations a rule reaches, and which had no semantic finding. */
function moneyIntegrity(input: AuditInput, answered: readonly ReportedCase[]): Dimension {
  const reached = new Set(input.money.operations);
  const success = answered.filter((c) => reached.has(c.interaction.operation) && c.interaction.status! >= 200 && c.interaction.status! <= 299);
  return share(success, (c) => !c.findings.some((f) => [f.id, ...(f.covers ?? [])].some((id) => FINDING_KINDS[id].category === 'semantic')));
}

// A truncated response's summary finding stands for the IDs it covers.
function isErrorBodyFinding(finding: ReportedFinding): boolean {
  return ERROR_BODY_FINDINGS.has(finding.id) || (finding.covers ?? []).some((id) => ERROR_BODY_FINDINGS.has(id));
}

/** The share of items that meet a test, as a score: higher is better. */
function share<T>(items: readonly T[], meets: (item: T) => boolean): Dimension {
  const numerator = items.filter(meets).length;
  return { score: items.length === 0 ? null : Math.round((100 * numerator) / items.length), numerator, denominator: items.length };
}

/** Occurrences per item, as a score: lower is better, one per item or more scores 0. */
function rate(numerator: number, denominator: number): Dimension {
  return { score: denominator === 0 ? null : Math.round(100 * Math.max(0, 1 - numerator / denominator)), numerator, denominator };
}

/** Dimensions without a score are left out, not counted as 0 or 100. */
function weightedMean(dimensions: Record<DimensionName, Dimension>): number | null {
  const scored = (Object.keys(WEIGHTS) as WeightedDimension[]).filter((name) => dimensions[name].score !== null);
  const weight = scored.reduce((sum, name) => sum + WEIGHTS[name], 0);
  if (weight === 0) return null;
  return Math.round(scored.reduce((sum, name) => sum + WEIGHTS[name] * dimensions[name].score!, 0) / weight);
}
