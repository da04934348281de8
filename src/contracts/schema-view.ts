import { joinPointer, getAtPointer, parsePointer } from '../json/index.ts';
import type { HeldBranches } from '../schema/index.ts';
import { jsonType } from '../schema/index.ts';

type Schema = Record<string, unknown>;

/** A response body's documentation: the document, and the oneOf/anyOf branches the checker held the body to. */
export interface DocumentedBody {
  document: object;
  branches: HeldBranches;
}

/**
 * What a schema says about one observed value, with `$ref`s followed, `allOf` merged and the
 * `oneOf`/`anyOf` branch the checker held the value to followed (never a choice of its own): the few
 * keywords a Pact matcher can use.
 */
export interface SchemaView {
  /** JSON types allowed ("integer" among them); null when the schema does not say. */
  types: Set<string> | null;
  hasConst: boolean;
  const: unknown;
  enum: unknown[] | null;
  format: string | null;
  pattern: string | null;
  /** Pointers of the subschemas, viewed when the matching value is walked. */
  properties: Record<string, string>;
  items: string | undefined;
  minItems: number;
}

export function unconstrained(): SchemaView {
  return { types: null, hasConst: false, const: undefined, enum: null, format: null, pattern: null, properties: {}, items: undefined, minItems: 0 };
}

/** The view of the schema at `pointer` for the value at `at` in the body. */
export function viewAt(pointer: string, at: string, body: DocumentedBody): SchemaView {
  const view = unconstrained();
  collect(pointer, body.branches[at] ?? [], body.document, view, new Set());
  return view;
}

/** Each schema is merged once: a cyclic `$ref` or `allOf` stops instead of looping, and the first word on a keyword stands. */
function collect(pointer: string, held: readonly string[], document: object, view: SchemaView, seen: Set<string>): void {
  const schema = getAtPointer(document, pointer);
  if (!isSchema(schema) || seen.has(pointer)) return;
  seen.add(pointer);
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) collect(joinPointer('', ...parsePointer(schema.$ref)), held, document, view, seen);
  mergeOwn(view, schema, pointer);
  if (Array.isArray(schema.allOf)) schema.allOf.forEach((_, index) => collect(`${pointer}/allOf/${index}`, held, document, view, seen));
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    const chosen = branches.map((_, index) => `${pointer}/${keyword}/${index}`).find((branch) => held.includes(branch));
    if (chosen !== undefined) collect(chosen, held, document, view, seen);
  }
}

function mergeOwn(view: SchemaView, schema: Schema, pointer: string): void {
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : null;
  if (types) view.types = view.types ? intersect(view.types, new Set(types)) : new Set(types);
  if ('const' in schema && !view.hasConst) Object.assign(view, { hasConst: true, const: schema.const });
  if (Array.isArray(schema.enum) && !view.enum) view.enum = schema.enum;
  if (typeof schema.format === 'string' && !view.format) view.format = schema.format;
  if (typeof schema.pattern === 'string' && !view.pattern) view.pattern = schema.pattern;
  if (isSchema(schema.properties)) {
    for (const name of Object.keys(schema.properties)) if (!Object.hasOwn(view.properties, name)) view.properties[name] = joinPointer(pointer, 'properties', name);
  }
  if (isSchema(schema.items) && view.items === undefined) view.items = `${pointer}/items`;
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

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
