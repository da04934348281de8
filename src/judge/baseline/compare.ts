import { runCheck, type Check } from '../../findings/index.ts';
import { excerpt, makeFinding, normaliseIndices, type FindingFacts, type FindingId } from '../../findings/index.ts';
import type { CaseResult } from '../../results/index.ts';
import type { CaseFinding, ResolvedFinding } from '../types.ts';
import { amountEncodingChanged } from './amount-encoding.ts';
import { answersOf, jsonAnswersByResponse, type CaseAnswer, type JsonAnswer } from './observe.ts';
import { byText } from './sort.ts';
import type { Baseline, OperationShape, ResponseShape } from './types.ts';

export interface BaselineComparison {
  /** response-shape-changed and amount-encoding-changed findings, each with the case it was seen in. */
  shapeFindings: CaseFinding[];
  /** Baseline findings this run no longer shows, among the cases that answered. */
  resolved: ResolvedFinding[];
}

type Change = Pick<FindingFacts, 'operation' | 'status' | 'pointer' | 'expected' | 'observed'> & { case: string };
type ShapeChange = Change & { id: 'response-shape-changed' };

/** response-shape-changed: where the answers depart from the shape the baseline recorded, each with its case. */
export const responseShapeChanged: Check<{ baseline: Baseline; answers: readonly CaseAnswer[] }, ShapeChange> = {
  ids: ['response-shape-changed'],
  check: ({ baseline, answers }) =>
    [...answers.flatMap((answer) => caseChanges(baseline.operations[answer.operation], answer)), ...bodyChanges(baseline, answers)].map((change) => ({
      ...change,
      id: 'response-shape-changed',
    })),
};

/**
 * Findings that say what a shape change says (a value of another type or null, a value outside the
 * allowed ones, a property gone): at the same place they are the same root cause. Others at that
 * pointer (an undocumented property, a duplicate key) say something else, and the baseline is then
 * the only one to see the property turn null or take a new value.
 */
const SAME_CHANGE: ReadonlySet<FindingId> = new Set<FindingId>([
  'response-property-type-mismatch',
  'response-property-enum-mismatch',
  'response-property-format-mismatch',
  'response-property-missing',
  'response-body-schema-mismatch',
]);

/**
 * One vendor's run against its baseline: what changed shape, and which baseline findings are gone. A
 * shape change at a pointer the document already flags for the same change in the same response is
 * left out: one root cause, one row.
 */
export function compareToBaseline(baseline: Baseline, results: readonly CaseResult[], vendor: string): BaselineComparison {
  const answers = answersOf(results, vendor);
  const ran = results.filter((r) => r.vendor === vendor);
  const flagged = new Set(ran.flatMap((r) => r.findings.flatMap((f) => (f.pointer === null || !SAME_CHANGE.has(f.id) ? [] : [flagKey(r.case, normaliseIndices(f.pointer))]))));
  // A shape change never reports a type change (the document's type check does), so an amount that
  // switched encoding is one row here: amount-encoding-changed.
  const shapeChanges = runCheck(responseShapeChanged, { baseline, answers }).filter((change) => !change.pointer || !flagged.has(flagKey(change.case, change.pointer)));
  const shapeFindings = [...shapeChanges, ...runCheck(amountEncodingChanged, { baseline, answers })]
    .sort((a, b) => byText(a.case, b.case) || byText(a.pointer ?? '', b.pointer ?? '') || byText(a.observed ?? '', b.observed ?? ''))
    .map(({ case: name, ...facts }) => ({ ...makeFinding({ ...facts, vendor }), case: name }));

  const seen = new Set([...ran.flatMap((r) => r.findings), ...shapeFindings].map((f) => f.fingerprint));
  // A case that was skipped or unreachable shows no findings; that proves nothing was fixed.
  const answered = new Set(answers.map((answer) => answer.case));
  const resolved = baseline.findings
    .filter((f) => answered.has(f.case) && !seen.has(f.fingerprint))
    .map(({ fingerprint, id, operation, case: name, pointer }) => ({ fingerprint, id, operation, case: name, pointer }));
  return { shapeFindings, resolved };
}

function flagKey(caseName: string, pointer: string): string {
  return `${caseName}\u0000${pointer}`;
}

/** A status the case never answered with; else a media type it never answered with. */
function caseChanges(operation: OperationShape | undefined, answer: CaseAnswer): Change[] {
  const known = operation?.cases[answer.case];
  if (!known) return [];
  const at = { case: answer.case, operation: answer.operation, status: answer.status, pointer: null };
  if (!known.statuses.includes(answer.status)) {
    return [{ ...at, expected: `status ${known.statuses.join(' or ')}`, observed: `status ${answer.status}` }];
  }
  if (!known.mediaTypes.includes(answer.mediaType)) {
    return [{ ...at, expected: `media type ${known.mediaTypes.join(' or ')}`, observed: `media type ${answer.mediaType}` }];
  }
  return [];
}

function bodyChanges(baseline: Baseline, answers: readonly CaseAnswer[]): Change[] {
  const changes: Change[] = [];
  for (const [operation, byStatus] of jsonAnswersByResponse(answers)) {
    for (const [status, group] of byStatus) {
      const shape = baseline.operations[operation]?.responses[status];
      if (!shape) continue;
      for (const answer of group) changes.push(...valueChanges(shape, answer));
      changes.push(...goneProperties(shape, group));
    }
  }
  return changes;
}

/** In one case's body: null where the property never was, or a value outside the codes it always held. */
function valueChanges(shape: ResponseShape, answer: JsonAnswer): Change[] {
  const changes: Change[] = [];
  const at = { case: answer.case, operation: answer.operation, status: answer.status };
  for (const [pointer, sighting] of answer.body) {
    const known = shape.properties[pointer];
    if (!known) continue;
    if (sighting.null && !known.nullable) changes.push({ ...at, pointer, expected: `never null (${known.types.join(' or ')})`, observed: 'null' });
    const codes = known.values;
    if (!Array.isArray(codes)) continue;
    const fresh = [...sighting.strings].filter((value) => !codes.includes(value)).sort(byText);
    if (fresh.length > 0) changes.push({ ...at, pointer, expected: `one of ${codes.map(excerpt).join(', ')}`, observed: fresh.map(excerpt).join(', ') });
  }
  return changes;
}

/**
 * Properties seen in every accepted run that a case's body no longer has, judged for each case that
 * answered and had them last time (a case that did not answer is not judged), and only where the
 * property's parent object is still there (an envelope around the body reports its top-level
 * properties, not all of them). Array items are not judged: an empty array is data, not a change of shape.
 */
function goneProperties(shape: ResponseShape, group: readonly JsonAnswer[]): Change[] {
  const changes: Change[] = [];
  for (const [pointer, known] of Object.entries(shape.properties)) {
    if (!known.always || pointer.endsWith('/*')) continue;
    const parent = pointer.slice(0, pointer.lastIndexOf('/'));
    for (const answer of group) {
      if (!known.cases.includes(answer.case) || answer.body.has(pointer) || !answer.body.get(parent)?.types.has('object')) continue;
      changes.push({ case: answer.case, operation: answer.operation, status: answer.status, pointer, expected: 'present (in every accepted run)', observed: 'absent' });
    }
  }
  return changes;
}
