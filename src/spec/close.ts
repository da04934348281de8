import { getAtPointer } from '../json/pointer.ts';
import { forEachSchemaSite, isObject } from './walk.ts';

type Json = Record<string, unknown>;

/**
 * Prepares a copy of the document for the undocumented-property check without touching the vendor's
 * schema: every schema site that describes one JSON value and declares its properties gets
 * `unevaluatedProperties: false`. 2020-12 `unevaluatedProperties` sees through $ref, allOf and the
 * matching oneOf/anyOf branch, so a property is reported only when no applicable schema declares it.
 * Sites that only form part of another schema (allOf branches, components) stay open, and a schema
 * that says anything itself about additional or unevaluated properties is respected.
 */
export function closeObjectSchemas(document: Json): void {
  forEachSchemaSite(document, ({ holder, key, describesValue }) => {
    const schema = (holder as Json)[key as string];
    if (!describesValue || !isObject(schema)) return;
    if ('additionalProperties' in schema || 'unevaluatedProperties' in schema) return;
    if (declaresProperties(document, schema, new Set())) schema.unevaluatedProperties = false;
  });
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
