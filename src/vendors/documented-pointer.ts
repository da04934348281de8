import { getAtPointer, parsePointer } from '../json/index.ts';
import { list, record, type SuccessBody } from './document-facts.ts';

/**
 * Schemas looked at for one pointer, at most: a document is the vendor's, so its shape is no bound.
 * Its arrays are pushed one member at a time: spread as arguments, 200,000 allOf entries overflow the stack.
 */
const MAX_VISITS = 10_000;

/** A schema that says nothing checkable below it (`true`, `{}`, an external `$ref`): any pointer may sit there. */
const OPEN = Symbol('open');

/**
 * Whether a body pointer pattern (`*` for any one segment) names a place the operation's success
 * bodies document: properties through `$ref`, `allOf`, `oneOf` and `anyOf`, array items, and
 * additional or pattern properties for any key. Cycle-safe and bounded; when the bound is reached
 * the pointer is taken as documented, so a deep document never turns into a false error.
 */
export function documentsPointer(body: SuccessBody, pointer: string): boolean {
  const budget = { visits: 0 };
  let level: unknown[] = body.schemas;
  for (const segment of parsePointer(pointer)) {
    const next: unknown[] = [];
    for (const schema of concrete(body.document, level, budget)) {
      if (schema === OPEN) return true;
      for (const child of children(schema, segment)) next.push(child);
    }
    if (next.length === 0) return false;
    level = next;
  }
  return concrete(body.document, level, budget).length > 0;
}

/** The schemas `schemas` stand for once references and combinators are followed, each once. */
function concrete(document: Record<string, unknown>, schemas: unknown[], budget: { visits: number }): Array<Record<string, unknown> | typeof OPEN> {
  const found: Array<Record<string, unknown> | typeof OPEN> = [];
  const seen = new Set<unknown>();
  const queue = [...schemas];
  while (queue.length > 0) {
    const schema = queue.pop();
    if (seen.has(schema)) continue;
    seen.add(schema);
    if (++budget.visits > MAX_VISITS || schema === true) return [OPEN];
    const object = record(schema);
    if (!object) continue;
    if (typeof object.$ref === 'string') {
      if (!object.$ref.startsWith('#')) return [OPEN];
      queue.push(getAtPointer(document, object.$ref));
    }
    for (const branch of ['allOf', 'oneOf', 'anyOf']) for (const member of list(object[branch])) queue.push(member);
    if (unconstrained(object)) return [OPEN];
    found.push(object);
  }
  return found;
}

const SHAPING = ['type', 'properties', 'items', 'prefixItems', 'additionalProperties', 'patternProperties', 'allOf', 'oneOf', 'anyOf', '$ref', 'enum', 'const'];

function unconstrained(schema: Record<string, unknown>): boolean {
  return !SHAPING.some((keyword) => Object.hasOwn(schema, keyword));
}

/** The schemas of the values one segment below a schema. */
function children(schema: Record<string, unknown>, segment: string): unknown[] {
  const found: unknown[] = [];
  const properties = record(schema.properties);
  if (properties && segment === '*') for (const property of Object.values(properties)) found.push(property);
  else if (properties && Object.hasOwn(properties, segment)) found.push(properties[segment]);
  if (segment === '*' || /^(0|[1-9][0-9]{0,8})$/.test(segment)) {
    if (schema.items !== undefined && schema.items !== false) found.push(schema.items);
    for (const item of list(schema.prefixItems)) found.push(item);
  }
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) found.push(schema.additionalProperties);
  for (const property of Object.values(record(schema.patternProperties) ?? {})) found.push(property);
  return found;
}
