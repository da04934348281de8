import { getAtPointer, joinPointer } from '../../json/index.ts';
import type { Operation } from '../../spec/index.ts';

type Json = Record<string, unknown>;

/** How far $ref chains and allOf nesting are followed: a hostile document cannot make reading a parameter slow. */
const MAX_DEPTH = 16;

/** What derivation needs of a parameter's schema, flattened through $ref and allOf. */
export interface Shape {
  types: string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

export interface Parameter {
  name: string;
  in: string;
  required: boolean;
  shape: Shape;
  /** The document's examples for it (parameter, then schema, then the schema's default), in that order. */
  examples: unknown[];
}

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The names in the path template, in order: the truth, whatever the parameter list declares. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

/** The operation's parameters: the path item's, overridden by the operation's own of the same name and place. */
export function operationParameters(document: Json, operation: Operation): Parameter[] {
  const item = getAtPointer(document, joinPointer('', 'paths', operation.path));
  const declared = [...listOf(isObject(item) ? item.parameters : undefined), ...listOf(getAtPointer(document, operation.pointer), 'parameters')];
  const byPlace = new Map<string, Parameter>();
  for (const entry of declared) {
    const parameter = follow(document, entry);
    if (!isObject(parameter) || typeof parameter.name !== 'string' || typeof parameter.in !== 'string') continue;
    const schema = follow(document, parameter.schema);
    byPlace.set(`${parameter.in}:${parameter.name}`, {
      name: parameter.name,
      in: parameter.in,
      required: parameter.required === true,
      shape: shapeOf(document, schema),
      examples: examplesOf(document, parameter, isObject(schema) ? schema : {}),
    });
  }
  return [...byPlace.values()];
}

/** Whether the operation requires a request body ($ref followed): derived cases send none. */
export function requiresBody(document: Json, operation: Operation): boolean {
  const declared = getAtPointer(document, operation.pointer);
  const body = follow(document, isObject(declared) ? declared.requestBody : undefined);
  return isObject(body) && body.required === true;
}

function listOf(holder: unknown, key?: string): unknown[] {
  const value = key === undefined ? holder : isObject(holder) ? holder[key] : undefined;
  return Array.isArray(value) ? value : [];
}

/** Follows a chain of local $refs; the bundled document has no other kind. */
function follow(document: Json, value: unknown): unknown {
  for (let depth = 0; depth < MAX_DEPTH && isObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#'); depth++) {
    value = getAtPointer(document, value.$ref);
  }
  return value;
}

function shapeOf(document: Json, schema: unknown, depth = 0): Shape {
  const shape: Shape = { types: [] };
  if (!isObject(schema) || depth > MAX_DEPTH) return shape;
  for (const part of listOf(schema, 'allOf')) merge(shape, shapeOf(document, follow(document, part), depth + 1));
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : [];
  if (types.length > 0) shape.types = types.filter((t) => t !== 'null');
  if (typeof schema.format === 'string') shape.format = schema.format;
  if (typeof schema.pattern === 'string') shape.pattern = schema.pattern;
  if (Array.isArray(schema.enum)) shape.enum = schema.enum.filter((v) => v !== null);
  for (const key of ['minLength', 'maxLength', 'minimum', 'maximum'] as const) {
    if (typeof schema[key] === 'number') shape[key] = schema[key];
  }
  return shape;
}

function merge(into: Shape, from: Shape): void {
  const { types, ...rest } = from;
  if (types.length > 0) into.types = types;
  Object.assign(into, rest);
}

function examplesOf(document: Json, parameter: Json, schema: Json): unknown[] {
  const examples: unknown[] = [];
  if ('example' in parameter) examples.push(parameter.example);
  if (isObject(parameter.examples)) {
    for (const entry of Object.values(parameter.examples)) {
      const example = follow(document, entry);
      if (isObject(example) && 'value' in example) examples.push(example.value);
    }
  }
  if ('example' in schema) examples.push(schema.example);
  examples.push(...listOf(schema, 'examples'));
  if ('default' in schema) examples.push(schema.default);
  return examples.filter((value) => ['string', 'number', 'boolean'].includes(typeof value));
}
