import { EXIT } from '../../results/index.ts';
import type { Dimension, DimensionName, Scorecard, WeightedDimension } from './types.ts';
import { WEIGHTS } from './scorecard.ts';

/** Every dimension in the order reports show them, with what its numerator and denominator count. */
export const DIMENSIONS: ReadonlyArray<{ name: DimensionName; label: string; figures: string }> = [
  { name: 'conformance', label: 'Conformance', figures: 'cases passed / cases answered' },
  { name: 'authEnforcement', label: 'Auth enforcement', figures: 'credential cases answered with the expected status / such cases answered' },
  { name: 'errorDiscipline', label: 'Error discipline', figures: 'error answers whose body matched its schema / error answers' },
  { name: 'coverage', label: 'Coverage', figures: 'safe operations exercised / safe operations' },
  { name: 'documentQuality', label: 'Document quality', figures: 'spec defects / operations; operations without an error schema / operations' },
  { name: 'undocumentedFields', label: 'Undocumented fields', figures: 'undocumented properties / answered interactions (lower is better)' },
  { name: 'moneyIntegrity', label: 'Money integrity', figures: 'success answers a money rule reached with no semantic finding / such answers' },
];

const EXIT_MEANING: Readonly<Record<number, string>> = {
  [EXIT.pass]: 'pass: nothing breaking',
  [EXIT.fail]: 'fail: breaking findings',
  [EXIT.cannotRun]: 'could not run',
  [EXIT.inconclusive]: 'inconclusive: too many cases unverified',
};

export function exitText(code: number): string {
  return `${code} (${EXIT_MEANING[code] ?? 'unknown exit code'})`;
}

export function scoreText(score: number | null): string {
  return score === null ? 'n/a' : String(score);
}

/** The raw figures behind a score, e.g. "12 / 15" or, for document quality, "2 / 10; 3 / 10". */
export function figuresText(scorecard: Scorecard, name: DimensionName): string {
  const dimension: Dimension = scorecard[name];
  const main = `${dimension.numerator} / ${dimension.denominator}`;
  if (name !== 'documentQuality') return main;
  const { numerator, denominator } = scorecard.documentQuality.withoutErrorSchema;
  return `${main}; ${numerator} / ${denominator}`;
}

export function weightText(name: DimensionName): string {
  return Object.hasOwn(WEIGHTS, name) ? String(WEIGHTS[name as WeightedDimension]) : 'not weighted';
}

export function gradeText(scorecard: Scorecard): string {
  return scorecard.grade === null ? 'n/a' : `${scorecard.grade} (${scorecard.weightedScore})`;
}

export const NOT_WEIGHTED = 'Money integrity is shown, not weighted: money rules reach only the vendors with a file or a recognised ledger shape, and a grade compares vendors alike.';
export const RECOGNITIONS_INTRO = 'Ledger shapes conform recognised in the documents without configuration: each is why a money rule applied to that operation.';
export const NO_RECOGNITION = 'No ledger shape was recognised in the documents.';
