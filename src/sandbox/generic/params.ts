import { RE2JS } from 're2js';
import type { Json } from './document.ts';
import type { GenericOperation, PathParameter } from './operations.ts';

// A path parameter's value is malformed when it is outside the shape its schema declares (type,
// format uuid, enum, pattern, length); known when it is the fixture the sandbox reports for that
// name; any other well-shaped value is an unknown resource.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INTEGER = /^-?\d{1,300}$/;
/** RE2's matching time is the text's length times the program's size; past this a pattern is not enforced. */
const MAX_PATTERN_PROGRAM = 1000;

/** True when `value` fits the parameter's declared shape (always, for a parameter that accepts any string). */
export function fitsShape(value: string, schema: Json | undefined): boolean {
  if (!schema) return true;
  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => String(allowed) === value)) return false;
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (type.includes('integer') && !type.includes('string')) {
    if (!INTEGER.test(value) || !withinRange(Number(value), schema)) return false;
  } else if (type.includes('number') && !type.includes('string')) {
    if (value.trim() === '' || !Number.isFinite(Number(value)) || !withinRange(Number(value), schema)) return false;
  } else if (type.includes('boolean') && !type.includes('string')) {
    if (value !== 'true' && value !== 'false') return false;
  }
  if (schema.format === 'uuid' && !UUID.test(value)) return false;
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength) return false;
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) return false;
  return typeof schema.pattern !== 'string' || matchesPattern(schema.pattern, value);
}

/**
 * One known value per path parameter name, shared by every operation that names it: the configured
 * one, else the first value the document shows that fits every declaration of the name, else `sampled`.
 */
export function chooseFixtures(
  operations: readonly GenericOperation[],
  configured: Readonly<Record<string, string>>,
  sampled: (parameter: PathParameter) => string,
): Record<string, string> {
  const byName = new Map<string, PathParameter[]>();
  for (const parameter of operations.flatMap((operation) => operation.pathParameters)) {
    byName.set(parameter.name, [...(byName.get(parameter.name) ?? []), parameter]);
  }
  const fixtures: Record<string, string> = {};
  for (const [name, declarations] of byName) {
    if (Object.hasOwn(configured, name)) {
      fixtures[name] = configured[name]!;
      continue;
    }
    const candidates = declarations.flatMap((declaration) => [...declaration.shown, sampled(declaration)]).filter(isScalar).map(String);
    fixtures[name] = candidates.find((candidate) => declarations.every((d) => fitsShape(candidate, d.schema))) ?? candidates.at(-1) ?? `known-${name}`;
  }
  return fixtures;
}

function withinRange(number: number, schema: Json): boolean {
  if (typeof schema.minimum === 'number' && number < schema.minimum) return false;
  if (typeof schema.maximum === 'number' && number > schema.maximum) return false;
  if (typeof schema.exclusiveMinimum === 'number' && number <= schema.exclusiveMinimum) return false;
  return !(typeof schema.exclusiveMaximum === 'number' && number >= schema.exclusiveMaximum);
}

/** A vendor's pattern, run by RE2 (linear time); one RE2 cannot run, or too large, is not enforced. */
function matchesPattern(pattern: string, value: string): boolean {
  let test = compiledPatterns.get(pattern);
  if (!test) {
    test = compilePattern(pattern);
    compiledPatterns.set(pattern, test);
  }
  return test(value);
}

// One entry per pattern a document declares on a path parameter: bounded by the document.
const compiledPatterns = new Map<string, (value: string) => boolean>();

function compilePattern(pattern: string): (value: string) => boolean {
  try {
    const re2 = RE2JS.compile(RE2JS.translateRegExp(pattern));
    return re2.programSize() > MAX_PATTERN_PROGRAM ? () => true : (value) => re2.test(value);
  } catch {
    return () => true;
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
