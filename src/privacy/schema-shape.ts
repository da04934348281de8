import { escapeSegment, getAtPointer, parsePointer } from '../json/index.ts';
import { dateTime, uuid } from '../schema/index.ts';
import type { SchemaRegistry } from '../schema/index.ts';
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

// Most places have one schema whose expansion involves no oneOf/anyOf: the same for every value, so
// worked out once, remembered by the place (or by the list of places, which plans keep stable).
const VALUE_DEPENDENT = Symbol('value-dependent');
const expansions = new WeakMap<object, Shape | typeof VALUE_DEPENDENT>();

/** Expands where a value's schemas start (one list per alternative) into its Shape, choosing oneOf/anyOf branches by validating the value. */
export function shapeOf(starts: SchemaAt[][], value: unknown, source: SchemaSource): Shape {
  const key = starts.length === 1 && starts[0]!.length === 1 ? starts[0]![0]! : starts;
  const known = expansions.get(key);
  if (known && known !== VALUE_DEPENDENT) return known;
  const branched = { chose: false };
  const shape = expand(starts, value, source, branched);
  expansions.set(key, branched.chose ? VALUE_DEPENDENT : shape);
  if (!branched.chose && !plans.has(shape)) plans.set(shape, newPlan(shape));
  return shape;
}

/**
 * What a Shape that is the same for every value answers for each member, worked out once: the
 * names its schemas declare, and where each member's schemas start (the same list object every
 * time, so the member's own expansion is remembered too).
 */
interface Plan {
  declared: ReadonlySet<string>;
  members: Map<string, SchemaAt[][]>;
  /** Where an array item's schemas start when no schema has prefixItems; undefined until asked, null when some has. */
  items: SchemaAt[][] | null | undefined;
}

const plans = new WeakMap<Shape, Plan>();
// A hostile body names many keys no schema declares: past this, members are no longer remembered.
const MAX_PLANNED_MEMBERS = 256;
// Below an undocumented place every member is undocumented too.
plans.set(UNDOCUMENTED, newPlan(UNDOCUMENTED));

function newPlan(shape: Shape): Plan {
  const declared = new Set<string>();
  for (const schemas of shape) {
    for (const { schema } of schemas) {
      const properties = schema.properties;
      if (properties === null || typeof properties !== 'object') continue;
      for (const name of Object.keys(properties)) if (isObject((properties as Json)[name])) declared.add(name);
    }
  }
  return { declared, members: new Map(), items: undefined };
}

function expand(starts: SchemaAt[][], value: unknown, source: SchemaSource, branched: { chose: boolean }): Shape {
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
    const { schema } = next;
    const target = refTarget(next, source.document);
    if (target) alternative.todo.push(target);
    if (Array.isArray(schema.allOf)) for (const member of listOf(next, 'allOf')) alternative.todo.push(member);
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      if (!Array.isArray(schema[keyword])) continue;
      const branches = listOf(next, keyword);
      if (branches.length === 0) continue;
      branched.chose = true;
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
  const plan = plans.get(shape);
  if (!plan) return inArray ? itemStarts(shape, key) : propertyStarts(shape, key);
  if (inArray) {
    if (plan.items === undefined) plan.items = shape.some((schemas) => schemas.some((at) => Array.isArray(at.schema.prefixItems))) ? null : itemStarts(shape, key);
    return plan.items ?? itemStarts(shape, key);
  }
  let starts = plan.members.get(key);
  if (starts === undefined) {
    starts = propertyStarts(shape, key);
    if (plan.members.size < MAX_PLANNED_MEMBERS) plan.members.set(key, starts);
  }
  return starts;
}

function itemStarts(shape: Shape, key: string): SchemaAt[][] {
  const index = Number(key);
  return shape.map((schemas) => {
    const starts: SchemaAt[] = [];
    for (const at of schemas) {
      const prefix = Array.isArray(at.schema.prefixItems) && index < at.schema.prefixItems.length ? child(at, 'prefixItems', String(index)) : undefined;
      const item = prefix ?? child(at, 'items');
      if (item) starts.push(item);
    }
    return starts;
  });
}

function propertyStarts(shape: Shape, key: string): SchemaAt[][] {
  return shape.map((schemas) => {
    const starts: SchemaAt[] = [];
    for (const at of schemas) {
      const property = child(at, 'properties', key);
      if (property) starts.push(property);
    }
    if (starts.length > 0) return starts;
    // A name no schema declares is held by additionalProperties, when that is a schema (a map's values).
    // patternProperties are not evaluated here: that would run the vendor's regular expressions on body keys.
    for (const at of schemas) {
      const additional = child(at, 'additionalProperties');
      if (additional) starts.push(additional);
    }
    return starts;
  });
}

/**
 * Whether some alternative's schema declares `name` under `properties`: then the key is a name the
 * vendor's document gives, not data. Any alternative will do (unlike a value, which must be known
 * under all): a name the document spells out tells nothing about a person, whichever branch it is in.
 */
export function declaresName(shape: Shape, name: string): boolean {
  const plan = plans.get(shape);
  if (plan) return plan.declared.has(name);
  return shape.some((schemas) => schemas.some((at) => child(at, 'properties', name) !== undefined));
}

// Per schema and keyword, its subschemas as SchemaAt: one object per place, so expansions can be remembered by it.
const children = new WeakMap<SchemaAt, Map<string, Map<string, SchemaAt | null>>>();

function child(at: SchemaAt, keyword: string, name = ''): SchemaAt | undefined {
  let byKeyword = children.get(at);
  if (!byKeyword) children.set(at, (byKeyword = new Map()));
  let byName = byKeyword.get(keyword);
  if (!byName) byKeyword.set(keyword, (byName = new Map()));
  let found = byName.get(name);
  if (found === undefined) {
    const holder = at.schema[keyword];
    const schema = name === '' ? holder : holder !== null && typeof holder === 'object' && Object.hasOwn(holder, name) ? (holder as Json)[name] : undefined;
    found = isObject(schema) ? { schema, pointer: `${at.pointer}/${keyword}${name === '' ? '' : `/${escapeSegment(name)}`}` } : null;
    // A hostile body names many keys no schema declares: those are not remembered.
    if (found || byName.size < MAX_REMEMBERED_MISSES) byName.set(name, found);
  }
  return found ?? undefined;
}

const MAX_REMEMBERED_MISSES = 256;

/** True when every alternative has a schema that constrains this primitive so it cannot carry a person's data. */
export function knownByShape(shape: Shape, value: string | number | boolean): boolean {
  return shape.length > 0 && shape.every((schemas) => schemas.some(({ schema }) => constrains(schema, value)));
}

function constrains(schema: Json, value: string | number | boolean): boolean {
  if (Array.isArray(schema.enum) && schema.enum.includes(value)) return true;
  if ('const' in schema && schema.const === value) return true;
  if (typeof value === 'number') return hasType(schema, 'number') || hasType(schema, 'integer');
  if (typeof value === 'boolean') return hasType(schema, 'boolean');
  // A number written as a string where the document types a number (amounts as strings) tells no more than the number would.
  if ((hasType(schema, 'number') || hasType(schema, 'integer')) && NUMBER_TEXT.test(value)) return true;
  if (schema.format === 'uuid' && uuid(value)) return true;
  if (schema.format === 'date-time' && dateTime(value)) return true;
  return typeof schema.pattern === 'string' && admitsNoFreeText(schema.pattern, value);
}

const NUMBER_TEXT = /^-?\d{1,32}(\.\d{1,32})?$/;

function hasType(schema: Json, type: string): boolean {
  return schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));
}

function validates(branch: SchemaAt, value: unknown, source: SchemaSource): boolean {
  try {
    return source.registry.validator(source.documentId, branch.pointer)(value) === true;
  } catch {
    return false;
  }
}

const refTargets = new WeakMap<Json, SchemaAt | null>();

function refTarget({ schema }: SchemaAt, document: Json): SchemaAt | undefined {
  let target = refTargets.get(schema);
  if (target === undefined) {
    const ref = schema.$ref;
    target = typeof ref === 'string' && ref.startsWith('#') ? (schemaAtPointer(document, parsePointer(ref).map((s) => `/${escapeSegment(s)}`).join('')) ?? null) : null;
    refTargets.set(schema, target);
  }
  return target ?? undefined;
}

// One SchemaAt per place of a document, shared by every $ref to it, so its expansion is remembered once.
const places = new WeakMap<Json, Map<string, SchemaAt | null>>();

/** The schema at a pointer of the document, or undefined. */
export function schemaAtPointer(document: Json, pointer: string): SchemaAt | undefined {
  let byPointer = places.get(document);
  if (!byPointer) places.set(document, (byPointer = new Map()));
  let place = byPointer.get(pointer);
  if (place === undefined) {
    const schema = getAtPointer(document, pointer);
    place = isObject(schema) ? { schema, pointer } : null;
    byPointer.set(pointer, place);
  }
  return place ?? undefined;
}

/** The schemas of a list keyword (allOf, oneOf, anyOf) as places. */
function listOf(at: SchemaAt, keyword: string): SchemaAt[] {
  const list = at.schema[keyword] as unknown[];
  return list.flatMap((_, index) => child(at, keyword, String(index)) ?? []);
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
