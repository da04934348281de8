import type { SpecChange, SpecDiff } from '../../spec/index.ts';
import type { Baseline, OperationShape, PropertyShape } from '../baseline/index.ts';
import { wirePointers, type WirePointer } from './where.ts';

/** What the wire showed at one change's place: the baseline's pointer and its shape in each response the change covers. */
interface WirePlace {
  pointer: string;
  throughBranch: boolean;
  operation: OperationShape;
  /** By baseline status: the property there, absent where that response never showed it. */
  shapes: Map<string, PropertyShape | undefined>;
}

/** A rule: the grade the wire gives a change at its place, or null when the wire says nothing better. */
type WireRule = (change: SpecChange, place: WirePlace) => Pick<SpecChange, 'severity' | 'reason'> & { observed: string } | null;

const RULES: Partial<Record<string, WireRule>> = {
  // The document called it optional; the vendor sent it every time, so consumers read it.
  'response-optional-property-removed': (_change, place) => {
    if (!sentInEveryResponse(place)) return null;
    return {
      severity: 'breaking',
      reason: 'the vendor sent it in every response its baseline observed, so consumers rely on it whatever the document called it',
      observed: 'sent in every observed response',
    };
  },
  // A null or a value already seen there is no news to a consumer who met the wire: only the document changed.
  'response-property-became-nullable': (_change, place) => {
    if (place.throughBranch || !shapesOf(place).some((shape) => shape.nullable)) return null;
    return { severity: 'info', reason: 'the document catches up with the wire: the vendor already sent null here', observed: 'sent null' };
  },
  'response-property-enum-value-added': (change, place) => {
    const value = change.value;
    if (place.throughBranch || value === undefined || !shapesOf(place).some((shape) => Array.isArray(shape.values) && shape.values.includes(value))) return null;
    return { severity: 'info', reason: 'the document catches up with the wire: the vendor already sent this value here', observed: `sent ${JSON.stringify(value)}` };
  },
};

/**
 * The diff with each change the vendor's baseline knows better about graded by the wire (docs/spec-diff.md,
 * "Grades from the wire"): the change gets `wire` and the wire's `reason`, `breaking` follows. Pure; the
 * input is not changed. Without a baseline the diff is returned as it is.
 */
export function gradeWithWire(diff: SpecDiff, baseline: Baseline | null): SpecDiff {
  if (baseline === null) return diff;
  const changes = diff.changes.map((change) => regrade(change, baseline));
  return { breaking: changes.some((change) => change.severity === 'breaking'), changes };
}

function regrade(change: SpecChange, baseline: Baseline): SpecChange {
  const rule = RULES[change.id];
  const place = rule && placeOf(change, baseline);
  const grade = place && rule(change, place);
  if (!place || !grade || grade.severity === change.severity) return change;
  return { ...change, severity: grade.severity, reason: grade.reason, wire: { baseline: baseline.mode, pointer: place.pointer, observed: grade.observed } };
}

/**
 * The baseline's pointer for the change's `where`: the one reading of it (see wirePointers) that some
 * response the change covers showed. None when no reading was seen, or when more than one was (a
 * property named "items" beside an array's items): the wire then cannot say which the change means.
 */
function placeOf(change: SpecChange, baseline: Baseline): WirePlace | null {
  if (change.operation === null || change.status === null || change.where === null) return null;
  const operation = Object.hasOwn(baseline.operations, change.operation) ? baseline.operations[change.operation]! : undefined;
  const readings = wirePointers(change.where);
  if (!operation || !readings) return null;
  const statuses = Object.keys(operation.responses).filter((status) => covers(change.status!, status));
  const seen = (reading: WirePointer) => statuses.some((status) => Object.hasOwn(operation.responses[status]!.properties, reading.pointer));
  const found = readings.filter(seen);
  const pointers = new Set(found.map((reading) => reading.pointer));
  if (pointers.size !== 1) return null;
  const { pointer } = found[0]!;
  const shapes = new Map(statuses.map((status) => [status, propertyAt(operation, status, pointer)]));
  return { pointer, throughBranch: found.every((reading) => reading.throughBranch), operation, shapes };
}

/** Whether a documented status key ("200", "2XX") covers an answered status; "default" covers what the document leaves out, unknown here. */
function covers(statusKey: string, status: string): boolean {
  if (/^[1-5]XX$/i.test(statusKey)) return status.length === 3 && status[0] === statusKey[0];
  return statusKey === status;
}

function propertyAt(operation: OperationShape, status: string, pointer: string): PropertyShape | undefined {
  const { properties } = operation.responses[status]!;
  return Object.hasOwn(properties, pointer) ? properties[pointer] : undefined;
}

function shapesOf(place: WirePlace): PropertyShape[] {
  return [...place.shapes.values()].filter((shape) => shape !== undefined);
}

/**
 * In every accepted run (`always`), and in every case's body that had the object holding it: each case
 * that answered the status, for a top-level property; each case whose body had the parent, below
 * that. Every response the change covers must show it so, or the wire does not say "always".
 */
function sentInEveryResponse(place: WirePlace): boolean {
  const parent = place.pointer.slice(0, place.pointer.lastIndexOf('/'));
  return [...place.shapes].every(([status, shape]) => {
    if (!shape?.always) return false;
    const holders = parent === '' ? casesAnswering(place.operation, status) : propertyAt(place.operation, status, parent)?.cases;
    return holders !== undefined && holders.every((name) => shape.cases.includes(name));
  });
}

function casesAnswering(operation: OperationShape, status: string): string[] {
  return Object.entries(operation.cases).filter(([, shape]) => shape.statuses.includes(Number(status))).map(([name]) => name);
}
