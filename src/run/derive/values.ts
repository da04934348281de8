import { linearRegExp, uuid } from '../../schema/index.ts';
import type { Parameter, Shape } from './parameters.ts';

const INTEGER_FORMATS = ['int32', 'int64'];
const INT32_MAX = '2147483647';
const INT64_MAX = '9223372036854775807';

/** A value for a case, or why there is none. */
export type Derived = { value: string } | { reason: string };

/**
 * The shape a path parameter is held to. Vendors often type ids as a bare `string` and show their
 * shape only by example (Midaz: UUIDs; Whop: `ldgr_...`): when the schema constrains nothing, every
 * example of the document sharing a shape (a UUID, `prefix_` and letters or digits, hex digits of
 * one length) that the fixture also has is taken as the parameter's shape.
 */
export function heldShape(parameter: Parameter | undefined, fixture: string): Shape {
  const shape = parameter?.shape ?? { types: [] };
  if (constrains(shape)) return shape;
  const examples = (parameter?.examples ?? []).map(String);
  if (examples.length === 0) return shape;
  const inferred = [{ types: ['string'], format: 'uuid' }, prefixedShape(examples[0]!), hexShape(examples[0]!)].find(
    (candidate): candidate is Shape => candidate !== null && [fixture, ...examples].every((value) => accepts(candidate, value)),
  );
  return inferred ?? shape;
}

function constrains(shape: Shape): boolean {
  const { types, ...keywords } = shape;
  return Object.keys(keywords).length > 0 || (types.length > 0 && !types.includes('string'));
}

function prefixedShape(example: string): Shape | null {
  const prefix = /^[A-Za-z]+_/.exec(example)?.[0];
  return prefix ? { types: ['string'], pattern: `^${prefix}[A-Za-z0-9]+$` } : null;
}

function hexShape(example: string): Shape | null {
  return /^[0-9a-fA-F]{8,64}$/.test(example) ? { types: ['string'], pattern: `^[0-9a-fA-F]{${example.length}}$` } : null;
}

/**
 * Whether `value`, sent as text in a URL, is of the shape. Patterns run on RE2, in linear time; the
 * loader has already dropped every pattern RE2 cannot run (spec-pattern-unsupported).
 */
export function accepts(shape: Shape, value: string): boolean {
  if (shape.enum && !shape.enum.some((allowed) => String(allowed) === value)) return false;
  if (isInteger(shape) && !integerWithin(shape, value)) return false;
  if (!isInteger(shape) && !typeAccepts(shape.types, value)) return false;
  if (shape.format === 'uuid' && !uuid(value)) return false;
  const length = [...value].length;
  if (length < (shape.minLength ?? 0) || length > (shape.maxLength ?? Infinity)) return false;
  return shape.pattern === undefined || linearRegExp(shape.pattern).test(value);
}

function isInteger(shape: Shape): boolean {
  return INTEGER_FORMATS.includes(shape.format ?? '') || (shape.types.length > 0 && shape.types.every((type) => type === 'integer'));
}

function integerWithin(shape: Shape, value: string): boolean {
  if (!/^-?\d+$/.test(value)) return false;
  const number = BigInt(value);
  const { minimum, maximum } = shape;
  return (minimum === undefined || !Number.isFinite(minimum) || number >= BigInt(Math.ceil(minimum))) && (maximum === undefined || !Number.isFinite(maximum) || number <= BigInt(Math.floor(maximum)));
}

function typeAccepts(types: string[], value: string): boolean {
  if (types.length === 0 || types.includes('string')) return true;
  if (types.includes('number') && value.trim() !== '' && Number.isFinite(Number(value))) return true;
  return types.includes('boolean') && (value === 'true' || value === 'false');
}

/**
 * A value of the parameter's shape that names nothing: a UUID of zeros with the fixture's version
 * nibble, the largest integer the shape allows, or the fixture's (else an example's) own shape with
 * its tail after the last `_` zeroed (`ldgr_` + zeros), else turned to `9`s and `z`s. Each candidate
 * is checked against the shape, patterns by RE2; the first that fits and is not the fixture wins.
 */
export function unknownValue(shape: Shape, fixture: string, examples: readonly unknown[]): Derived {
  const tails = [fixture, ...examples.map(String)].flatMap((value) => [changedTail(value, ZEROS), changedTail(value, HIGHEST)]);
  const candidates = [...(shape.format === 'uuid' ? [zeroUuid(uuid(fixture) ? fixture : '')] : []), ...(isInteger(shape) ? [largestInteger(shape)] : []), ...tails];
  const fitting = candidates.find((candidate) => candidate !== fixture && candidate !== '' && accepts(shape, candidate));
  return fitting === undefined ? { reason: 'no value of its shape could be made' } : { value: fitting };
}

/** A value outside the parameter's shape; none when the parameter accepts any string. */
export function malformedValue(shape: Shape): Derived {
  const first = shape.format === 'uuid' ? 'not-a-uuid' : isInteger(shape) ? 'not-a-number' : 'not an id!';
  const outside = [first, 'not an id!', '!'].find((candidate) => !accepts(shape, candidate));
  return outside === undefined ? { reason: 'the parameter accepts any string' } : { value: outside };
}

type Replacements = { digit: string; lower: string; upper: string };
const ZEROS: Replacements = { digit: '0', lower: '0', upper: '0' };
const HIGHEST: Replacements = { digit: '9', lower: 'z', upper: 'Z' };

function changedTail(value: string, to: Replacements): string {
  if (uuid(value)) return zeroUuid(value);
  const cut = value.lastIndexOf('_') + 1;
  const tail = value.slice(cut).replace(/[0-9]/g, to.digit).replace(/[a-z]/g, to.lower).replace(/[A-Z]/g, to.upper);
  return value.slice(0, cut) + tail;
}

/** Zeros but the version nibble (`fromUuid`'s, else 4) and the RFC 9562 variant, so it still looks like a UUID of its kind. */
function zeroUuid(fromUuid: string): string {
  const version = fromUuid.slice(-22, -21) || '4';
  return `00000000-0000-${version}000-8000-000000000000`;
}

function largestInteger(shape: Shape): string {
  if (shape.maximum !== undefined && Number.isFinite(shape.maximum)) return BigInt(Math.floor(shape.maximum)).toString();
  return shape.format === 'int64' ? INT64_MAX : INT32_MAX;
}
