import { getAtPointer } from '../json/pointer.ts';

type Schema = Record<string, unknown>;

/**
 * What a schema says about one observed value, with `$ref`s followed, `allOf` merged and the
 * `oneOf`/`anyOf` branch that fits the value chosen: the few keywords a Pact matcher can use.
 */
export interface SchemaView {
  /** JSON types allowed ("integer" among them); null when the schema does not say. */
  types: Set<string> | null;
  hasConst: boolean;
  const: unknown;
  enum: unknown[] | null;
  format: string | null;
  pattern: string | null;
  /** Raw subschemas, resolved lazily when the matching value is walked. */
  properties: Record<string, unknown>;
  items: unknown;
  minItems: number;
}

export function unconstrained(): SchemaView {
  return { types: null, hasConst: false, const: undefined, enum: null, format: null, pattern: null, properties: {}, items: undefined, minItems: 0 };
}

/** The view of `schema` for `value`; `document` resolves internal `$ref`s. */
export function viewFor(schema: unknown, value: unknown, document: unknown): SchemaView {
  const view = unconstrained();
  collect(schema, value, document, view, new Set());
  return view;
}

/** `seen` holds the schemas on the current path, so a cyclic `$ref` or `allOf` stops instead of looping. */
function collect(schema: unknown, value: unknown, document: unknown, view: SchemaView, seen: ReadonlySet<unknown>): void {
  if (!isSchema(schema) || seen.has(schema)) return;
  const path = new Set(seen).add(schema);
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) collect(getAtPointer(document, schema.$ref), value, document, view, path);
  mergeOwn(view, schema);
  if (Array.isArray(schema.allOf)) for (const part of schema.allOf) collect(part, value, document, view, path);
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    const branch = branches.find((candidate) => {
      const candidateView = unconstrained();
      collect(candidate, value, document, candidateView, path);
      return fits(candidateView, value, document);
    });
    if (branch !== undefined) collect(branch, value, document, view, path);
  }
}

function mergeOwn(view: SchemaView, schema: Schema): void {
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : null;
  if (types) view.types = view.types ? intersect(view.types, new Set(types)) : new Set(types);
  if ('const' in schema && !view.hasConst) Object.assign(view, { hasConst: true, const: schema.const });
  if (Array.isArray(schema.enum) && !view.enum) view.enum = schema.enum;
  if (typeof schema.format === 'string' && !view.format) view.format = schema.format;
  if (typeof schema.pattern === 'string' && !view.pattern) view.pattern = schema.pattern;
  if (isSchema(schema.properties)) {
    for (const [name, subschema] of Object.entries(schema.properties)) if (!Object.hasOwn(view.properties, name)) view.properties[name] = subschema;
  }
  if (isSchema(schema.items) && view.items === undefined) view.items = schema.items;
  if (typeof schema.minItems === 'number' && view.minItems === 0) view.minItems = schema.minItems;
}

/** "integer" is a kind of "number": {number} ∩ {integer} is {integer}. */
function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const result = new Set<string>();
  for (const type of a) {
    if (b.has(type)) result.add(type);
    else if ((type === 'integer' && b.has('number')) || (type === 'number' && b.has('integer'))) result.add('integer');
  }
  return result;
}

/** Whether a value's JSON type is one the view allows. */
export function allowsType(view: SchemaView, value: unknown): boolean {
  if (!view.types) return true;
  const type = jsonType(value);
  if (type === 'integer') return view.types.has('integer') || view.types.has('number');
  return view.types.has(type);
}

/**
 * Enough to pick a branch: the value's type, const and enum, and those of its properties one level
 * down (how a discriminating `typename: {const: User}` tells the branches apart).
 */
function fits(view: SchemaView, value: unknown, document: unknown): boolean {
  if (!fitsValue(view, value)) return false;
  if (!isSchema(value)) return true;
  return Object.entries(view.properties).every(([name, subschema]) => !Object.hasOwn(value, name) || fitsValue(viewFor(subschema, value[name], document), value[name]));
}

function fitsValue(view: SchemaView, value: unknown): boolean {
  if (!allowsType(view, value)) return false;
  if (view.hasConst && JSON.stringify(view.const) !== JSON.stringify(value)) return false;
  return !view.enum || view.enum.some((option) => JSON.stringify(option) === JSON.stringify(value));
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
