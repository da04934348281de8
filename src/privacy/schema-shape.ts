import { escapeSegment, getAtPointer, parsePointer } from '../json/pointer.ts';
import { dateTime, uuid } from '../schema/formats.ts';
import type { SchemaRegistry } from '../schema/registry.ts';
import { admitsNoFreeText } from './closed-pattern.ts';

type Json = Record<string, unknown>;

/** A schema of the vendor's document and where it sits there (the same pointer names it in the validation copy). */
export interface SchemaAt {
  schema: Json;
  pointer: string;
}

/**
 * What the document says about one value: alternatives (the oneOf/anyOf branches the value could
 * be), each a list of schemas that all apply ($ref targets, allOf members). A value is known by its
 * schema only when every alternative knows it; an empty alternative is an undocumented place.
 */
export type Shape = SchemaAt[][];

export const UNDOCUMENTED: Shape = [[]];

/** The document a body is walked with, and the validators that pick oneOf branches. */
export interface SchemaSource {
  document: Json;
  registry: SchemaRegistry;
  documentId: string;
}

// Bounds per value: past them the value is treated as undocumented, which only masks more.
const MAX_ALTERNATIVES = 16;
const MAX_STEPS = 512;
const MAX_BRANCHES = 32;

/** Expands where a value's schemas start (one list per alternative) into its Shape, choosing oneOf/anyOf branches by validating the value. */
export function shapeOf(starts: SchemaAt[][], value: unknown, source: SchemaSource): Shape {
  const shape: Shape = [];
  const pending = starts.map((todo) => ({ done: [] as SchemaAt[], todo: [...todo] }));
  let steps = 0;
  while (pending.length > 0) {
    const alternative = pending.pop()!;
    const next = alternative.todo.pop();
    if (!next) {
      shape.push(alternative.done);
      continue;
    }
    if (++steps > MAX_STEPS || pending.length + shape.length >= MAX_ALTERNATIVES) return UNDOCUMENTED;
    pending.push(alternative);
    if (alternative.done.some((s) => s.schema === next.schema)) continue;
    alternative.done.push(next);
    const { schema, pointer } = next;
    const target = refTarget(schema, source.document);
    if (target) alternative.todo.push(target);
    for (const [index, member] of listOf(schema.allOf)) alternative.todo.push({ schema: member, pointer: `${pointer}/allOf/${index}` });
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const branches = listOf(schema[keyword]).map(([index, branch]) => ({ schema: branch, pointer: `${pointer}/${keyword}/${index}` }));
      if (branches.length === 0) continue;
      if (branches.length > MAX_BRANCHES) return UNDOCUMENTED;
      const valid = branches.filter((branch) => validates(branch, value, source));
      const [first, ...others] = valid.length > 0 ? valid : branches;
      // Ambiguous or no branch fits: each candidate becomes an alternative the value must be safe under.
      for (const other of others) pending.push({ done: [...alternative.done], todo: [...alternative.todo, other] });
      alternative.todo.push(first!);
    }
  }
  return shape;
}

/** Where the schemas of a member (object key or array index) of a value start, per alternative of the value's shape. */
export function memberStarts(shape: Shape, key: string, inArray: boolean): SchemaAt[][] {
  return shape.map((schemas) => {
    const starts: SchemaAt[] = [];
    if (inArray) {
      for (const { schema, pointer } of schemas) {
        const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
        const index = Number(key);
        if (index < prefix.length && isObject(prefix[index])) starts.push({ schema: prefix[index], pointer: `${pointer}/prefixItems/${index}` });
        else if (isObject(schema.items)) starts.push({ schema: schema.items, pointer: `${pointer}/items` });
      }
      return starts;
    }
    for (const { schema, pointer } of schemas) {
      const properties = schema.properties;
      if (isObject(properties) && Object.hasOwn(properties, key) && isObject(properties[key])) {
        starts.push({ schema: properties[key], pointer: `${pointer}/properties/${escapeSegment(key)}` });
      }
    }
    if (starts.length > 0) return starts;
    // A name no schema declares is held by additionalProperties, when that is a schema (a map's values).
    // patternProperties are not evaluated here: that would run the vendor's regular expressions on body keys.
    for (const { schema, pointer } of schemas) {
      if (isObject(schema.additionalProperties)) starts.push({ schema: schema.additionalProperties, pointer: `${pointer}/additionalProperties` });
    }
    return starts;
  });
}

/** True when every alternative has a schema that constrains this primitive so it cannot carry a person's data. */
export function knownByShape(shape: Shape, value: string | number | boolean): boolean {
  return shape.length > 0 && shape.every((schemas) => schemas.some(({ schema }) => constrains(schema, value)));
}

function constrains(schema: Json, value: string | number | boolean): boolean {
  if (Array.isArray(schema.enum) && schema.enum.includes(value)) return true;
  if ('const' in schema && schema.const === value) return true;
  const types = typesOf(schema);
  if (typeof value === 'number') return types.has('number') || types.has('integer');
  if (typeof value === 'boolean') return types.has('boolean');
  if (schema.format === 'uuid' && (uuid as RegExp).test(value)) return true;
  if (schema.format === 'date-time' && (dateTime as (text: string) => boolean)(value)) return true;
  return typeof schema.pattern === 'string' && admitsNoFreeText(schema.pattern, value);
}

function typesOf(schema: Json): Set<unknown> {
  return new Set(Array.isArray(schema.type) ? schema.type : [schema.type]);
}

function validates(branch: SchemaAt, value: unknown, source: SchemaSource): boolean {
  try {
    return source.registry.validator(source.documentId, branch.pointer)(value) === true;
  } catch {
    return false;
  }
}

function refTarget(schema: Json, document: Json): SchemaAt | undefined {
  if (typeof schema.$ref !== 'string' || !schema.$ref.startsWith('#')) return undefined;
  const segments = parsePointer(schema.$ref);
  const pointer = segments.map((s) => `/${escapeSegment(s)}`).join('');
  const target = getAtPointer(document, pointer);
  return isObject(target) ? { schema: target, pointer } : undefined;
}

function listOf(value: unknown): Array<[number, Json]> {
  return Array.isArray(value) ? value.flatMap((item, index) => (isObject(item) ? [[index, item] as [number, Json]] : [])) : [];
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
