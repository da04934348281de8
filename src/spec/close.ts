import { getAtPointer } from '../json/index.ts';
import { forEachSchemaSite, isObject } from './walk.ts';

type Json = Record<string, unknown>;

/**
 * Prepares a copy of the document for the undocumented-property check without touching the vendor's
 * schema: every schema site that describes one JSON value and declares its properties is closed.
 * - A plain object schema gets `additionalProperties: false`: a static check, cheap for ajv.
 * - A bare `$ref` to a plain object schema points instead at a closed twin of its target (the
 *   target itself stays open: it may also be an allOf branch elsewhere).
 * - Anything composed (allOf, oneOf, anyOf, $ref with constraints) gets `unevaluatedProperties:
 *   false`, which sees through $ref, allOf and the matching oneOf/anyOf branch, so a property is
 *   reported only when no applicable schema declares it.
 * Sites that only form part of another schema (allOf branches, components) stay open, and a schema
 * that says anything itself about additional or unevaluated properties is respected.
 */
export function closeObjectSchemas(document: Json): void {
  const twins = new Map<unknown, string>();
  forEachSchemaSite(document, ({ holder, key, describesValue }) => {
    const schema = (holder as Json)[key as string];
    if (!describesValue || !isObject(schema)) return;
    if ('additionalProperties' in schema || 'unevaluatedProperties' in schema) return;
    if (isPlainObjectSchema(schema)) schema.additionalProperties = false;
    else if (isPlainObjectSchema(refTarget(document, schema))) {
      // `allOf: [{$ref}]` (Midaz's way to give a $ref a description) means the same as the $ref.
      schema.$ref = twinOf(document, refTarget(document, schema) as Json, twins);
      delete schema.allOf;
    }
    else if (declaresProperties(document, schema, new Set())) schema.unevaluatedProperties = false;
  });
}

const COMPOSING = ['$ref', '$dynamicRef', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas', 'additionalProperties', 'unevaluatedProperties'];
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'default', '$comment']);

/** Declares its properties itself and composes nothing: closing it is a static check. */
function isPlainObjectSchema(schema: unknown): boolean {
  return isObject(schema) && (isObject(schema.properties) || isObject(schema.patternProperties)) && !COMPOSING.some((k) => k in schema);
}

/** What `{$ref}` or `{allOf: [{$ref}]}` with nothing beside it but annotations refers to, else undefined. */
function refTarget(document: Json, schema: Json): unknown {
  const only = (s: Json, keyword: string) => Object.keys(s).every((k) => k === keyword || ANNOTATIONS.has(k) || k.startsWith('x-'));
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#') && only(schema, '$ref')) return getAtPointer(document, schema.$ref);
  const [branch, ...more] = Array.isArray(schema.allOf) ? schema.allOf : [];
  if (more.length === 0 && isObject(branch) && only(schema, 'allOf')) return refTarget(document, branch);
  return undefined;
}

/** A closed copy of a component, kept beside the document's own, shared by every site that refers to it. */
function twinOf(document: Json, target: Json, twins: Map<unknown, string>): string {
  let ref = twins.get(target);
  if (!ref) {
    const store = (document['x-conform-closed'] ??= []) as Json[];
    // Shallow: nested property schemas are shared with the original and closed in place by the walk.
    store.push({ ...target, additionalProperties: false });
    ref = `#/x-conform-closed/${store.length - 1}`;
    twins.set(target, ref);
  }
  return ref;
}

function declaresProperties(document: Json, schema: unknown, seen: Set<unknown>): boolean {
  if (!isObject(schema) || seen.has(schema)) return false;
  seen.add(schema);
  // A schema that opens itself (or a branch that does) makes any property acceptable there.
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return false;
  if (isObject(schema.properties) || isObject(schema.patternProperties)) return true;
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) {
    if (declaresProperties(document, getAtPointer(document, schema.$ref), seen)) return true;
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const branches = schema[keyword];
    if (Array.isArray(branches) && branches.some((branch) => declaresProperties(document, branch, seen))) return true;
  }
  return false;
}
