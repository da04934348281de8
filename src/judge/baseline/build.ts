import { normaliseIndices } from '../../findings/index.ts';
import type { CaseResult } from '../../results/index.ts';
import { answersOf, jsonAnswersByResponse, unionOf, type JsonAnswer } from './observe.ts';
import { byText, sortedUnique } from './sort.ts';
import type { Baseline, BaselineFinding, BaselineMode, OperationShape, PropertyShape, ResponseShape } from './types.ts';
import { isVerifiedAnswer } from './verified.ts';

export interface BuildOptions {
  vendor: string;
  /** Whether the run was against the live vendor or its embedded sandbox. */
  mode: BaselineMode;
  /** The only time a baseline holds; passed in so building stays pure. */
  updatedAt: string;
  /** The baseline being updated: its observations are kept and this run's are added to them. */
  previous?: Baseline | null;
  /** By fingerprint, when a run first saw it (the reports folder's ledger); a finding neither here nor in `previous` was first seen at `updatedAt`. */
  firstSeen?: ReadonlyMap<string, string>;
}

/** More distinct values than this and a field is free-form, not a set of codes. */
export const MAX_CODES = 20;
const MAX_CODE_LENGTH = 32;
// Codes are one-case words joined by _ - or . ("usd", "pending_verification", "LIVE"). Ids, dates,
// amounts and names (digits, mixed case, spaces) are not: they would change run to run, and a
// checked-in file should not collect personal data.
const CODE = /^(?:[a-z]+(?:[_.-][a-z]+)*|[A-Z]+(?:[_.-][A-Z]+)*)$/;

/**
 * One vendor's baseline from a run's verified answers, added to `previous` when given: statuses, media
 * types, types, nullability and codes accumulate, a property missing from this run's answers is no
 * longer `always` there, and the findings of each case that answered become this run's (a case that did
 * not answer verifiably keeps its previous findings).
 */
export function buildBaseline(results: readonly CaseResult[], options: BuildOptions): Baseline {
  const answers = answersOf(results, options.vendor);
  const operations: Record<string, OperationShape> = structuredClone(options.previous?.operations ?? {});
  for (const answer of answers) {
    const operation = (operations[answer.operation] ??= { cases: {}, responses: {} });
    const seen = (operation.cases[answer.case] ??= { statuses: [], mediaTypes: [] });
    seen.statuses = sortedUnique([...seen.statuses, answer.status]);
    seen.mediaTypes = sortedUnique([...seen.mediaTypes, answer.mediaType]);
  }
  for (const [key, byStatus] of jsonAnswersByResponse(answers)) {
    for (const [status, group] of byStatus) {
      const responses = operations[key]!.responses;
      const earlier = responses[status];
      const shape = (responses[status] ??= { properties: {} });
      const union = unionOf(group);
      for (const [pointer, property] of Object.entries(shape.properties)) if (!union.has(pointer)) property.always = false;
      for (const [pointer, sighting] of union) {
        if (pointer === '') continue;
        // New in a shape accepted before: it was missing from the earlier runs.
        const property = (shape.properties[pointer] ??= { types: [], nullable: false, values: null, always: !earlier, cases: [] });
        property.cases = sortedUnique(group.filter((answer) => answer.body.has(pointer)).map((answer) => answer.case));
        property.types = sortedUnique([...property.types, ...sighting.types]);
        property.nullable ||= sighting.null;
        property.values = addValues(property.values, sighting.strings);
      }
      addAmounts(shape, group);
    }
  }
  return {
    version: 2,
    vendor: options.vendor,
    mode: options.mode,
    updatedAt: options.updatedAt,
    operations: sortedRecord(operations, sortedOperation),
    findings: findingsOf(results, options, options.previous?.findings ?? []),
  };
}

/** Each amount's encodings and decimal-string scales, added to what the shape recorded. */
function addAmounts(shape: ResponseShape, answers: readonly JsonAnswer[]): void {
  for (const { pointer, encoding, scale } of answers.flatMap((answer) => answer.amounts)) {
    const amount = ((shape.amounts ??= {})[pointer] ??= { encodings: [], scales: [] });
    amount.encodings = sortedUnique([...amount.encodings, encoding]);
    if (encoding === 'string') amount.scales = sortedUnique([...amount.scales, scale]);
  }
}

function addValues(current: PropertyShape['values'], strings: ReadonlySet<string>): PropertyShape['values'] {
  if (strings.size === 0 || current === 'free-form') return current;
  const values = sortedUnique([...(current ?? []), ...strings]);
  const codes = [...strings].every((value) => value.length <= MAX_CODE_LENGTH && CODE.test(value));
  return codes && values.length <= MAX_CODES ? values : 'free-form';
}

function findingsOf(results: readonly CaseResult[], options: BuildOptions, previous: readonly BaselineFinding[]): BaselineFinding[] {
  const verified = results.filter((result) => result.vendor === options.vendor && isVerifiedAnswer(result));
  // A fingerprint keeps the date it already has, so accepting a run rewrites no line of what it knew.
  const firstSeen = new Map([...(options.firstSeen ?? []), ...previous.map((f) => [f.fingerprint, f.firstSeen] as const)]);
  const answered = new Set(verified.map((result) => result.case));
  const entries = new Map<string, BaselineFinding>(previous.filter((f) => !answered.has(f.case)).map((f) => [`${f.fingerprint} ${f.case}`, f]));
  for (const result of verified) {
    for (const finding of result.findings) {
      const key = `${finding.fingerprint} ${result.case}`;
      if (entries.has(key)) continue;
      const pointer = finding.pointer === null ? null : normaliseIndices(finding.pointer);
      const seen = firstSeen.get(finding.fingerprint) ?? options.updatedAt;
      entries.set(key, { fingerprint: finding.fingerprint, id: finding.id, operation: finding.operation, case: result.case, pointer, firstSeen: seen });
    }
  }
  return [...entries.values()].sort((a, b) => byText(a.fingerprint, b.fingerprint) || byText(a.case, b.case));
}

// Rebuilt with sorted keys and a fixed field order, so the file is the same for the same observations.
function sortedOperation(operation: OperationShape): OperationShape {
  return {
    cases: sortedRecord(operation.cases, ({ statuses, mediaTypes }) => ({ statuses, mediaTypes })),
    responses: sortedRecord(operation.responses, ({ properties, amounts }) => ({
      properties: sortedRecord(properties, ({ types, nullable, values, always, cases }) => ({ types, nullable, values, always, cases })),
      ...(amounts ? { amounts: sortedRecord(amounts, ({ encodings, scales }) => ({ encodings, scales })) } : {}),
    })),
  };
}

function sortedRecord<T>(record: Record<string, T>, rebuild: (value: T) => T): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort(byText).map((key) => [key, rebuild(record[key]!)]));
}
