import { isObject } from '../walk.ts';
import { resolveRef } from './refs.ts';

type Json = Record<string, unknown>;

/**
 * What the diff compares of one schema, with the spellings that mean the same thing made equal:
 * `type: [X, 'null']`, `nullable: true` (3.0, already rewritten by the loader), a null enum member and
 * `oneOf`/`anyOf: [X, {type: 'null'}]` are one nullability; allOf members are merged into one view.
 */
export interface SchemaView {
  /** Declared types without "null", sorted; empty when the schema does not say. */
  types: string[];
  nullable: boolean;
  /** Enum values without null; null when the schema has no enum. */
  enumValues: unknown[] | null;
  /** The const value, when there is one (not null: a null const is nullability). */
  constValue: { value: unknown } | null;
  properties: Map<string, unknown>;
  required: Set<string>;
  items: unknown;
  /** oneOf branches as written (possibly $refs), the null branch left out. */
  oneOf: unknown[];
  /** Identifies the schema for cycle detection: the $ref it came from, null when inline. */
  target: string | null;
}

/** allOf inside allOf nests this far at most; deeper members are not merged (hostile documents). */
const MAX_ALL_OF_DEPTH = 8;

/**
 * Views are read-only once built: a schema shared by many places (or a fan-out) is viewed once per
 * allOf depth, so allOf members that repeat at every level cost the document's size, not a power of it.
 */
const views = new WeakMap<object, SchemaView[]>();

export function viewOf(document: Json, raw: unknown): SchemaView {
  return cachedView(document, raw, 0);
}

function cachedView(document: Json, raw: unknown, allOfDepth: number): SchemaView {
  if (raw === null || typeof raw !== 'object') return buildView(document, raw, allOfDepth);
  let byDepth = views.get(raw);
  if (!byDepth) views.set(raw, (byDepth = []));
  return (byDepth[allOfDepth] ??= buildView(document, raw, allOfDepth));
}

function buildView(document: Json, raw: unknown, allOfDepth: number): SchemaView {
  const { schema, target } = resolveRef(document, raw);
  const view = emptyView(target);
  if (schema === null) return view;

  const nullBranchOf = (keyword: 'oneOf' | 'anyOf') => {
    const branches = Array.isArray(schema[keyword]) ? (schema[keyword] as unknown[]) : [];
    const rest = branches.filter((branch) => !isNullSchema(document, branch));
    return { rest, hadNull: rest.length < branches.length };
  };
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const { rest, hadNull } = nullBranchOf(keyword);
    // oneOf: [X, {type: null}] is "X or null": compare X itself.
    if (hadNull && rest.length === 1) return { ...cachedView(document, rest[0], allOfDepth), nullable: true, target: target ?? resolveRef(document, rest[0]).target };
    if (hadNull) view.nullable = true;
    if (keyword === 'oneOf') view.oneOf = rest;
  }

  readTypes(schema, view);
  if (Array.isArray(schema.enum)) {
    if (schema.enum.includes(null)) view.nullable = true;
    view.enumValues = schema.enum.filter((value) => value !== null);
  }
  if ('const' in schema) {
    if (schema.const === null) view.nullable = true;
    else view.constValue = { value: schema.const };
  }
  if (isObject(schema.properties)) for (const [name, child] of Object.entries(schema.properties)) view.properties.set(name, child);
  if (Array.isArray(schema.required)) for (const name of schema.required) if (typeof name === 'string') view.required.add(name);
  if (schema.items !== undefined && typeof schema.items !== 'boolean') view.items = schema.items;

  if (Array.isArray(schema.allOf) && allOfDepth < MAX_ALL_OF_DEPTH) {
    for (const member of schema.allOf) mergeInto(view, cachedView(document, member, allOfDepth + 1));
  }
  return view;
}

function emptyView(target: string | null): SchemaView {
  return { types: [], nullable: false, enumValues: null, constValue: null, properties: new Map(), required: new Set(), items: undefined, oneOf: [], target };
}

function readTypes(schema: Json, view: SchemaView): void {
  const declared = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.filter((t) => typeof t === 'string') : [];
  if (declared.includes('null') || schema.nullable === true) view.nullable = true;
  view.types = [...new Set(declared.filter((t) => t !== 'null'))].sort();
}

/** An allOf member adds its properties and requirements; the schema's own keywords win. */
function mergeInto(view: SchemaView, member: SchemaView): void {
  for (const [name, child] of member.properties) if (!view.properties.has(name)) view.properties.set(name, child);
  for (const name of member.required) view.required.add(name);
  if (view.types.length === 0) view.types = member.types;
  view.nullable ||= member.nullable;
  view.enumValues ??= member.enumValues;
  view.constValue ??= member.constValue;
  view.items ??= member.items;
  if (view.oneOf.length === 0) view.oneOf = member.oneOf;
}

function isNullSchema(document: Json, branch: unknown): boolean {
  const { schema } = resolveRef(document, branch);
  return schema !== null && (schema.type === 'null' || (Array.isArray(schema.type) && schema.type.length === 1 && schema.type[0] === 'null'));
}
