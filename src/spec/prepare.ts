import type { ValidateFunction } from 'ajv';
import { getAtPointer } from '../json/index.ts';
import type { SchemaRegistry } from '../schema/index.ts';
import type { ValidatedDocument } from '../schema/index.ts';
import { closeObjectSchemas } from './close.ts';
import { forEachSchemaSite, isObject } from './walk.ts';

type Json = Record<string, unknown>;

/**
 * The copy of a document that ajv sees: closed for the undocumented-property check, registered once,
 * with every schema object mapped back to its pointer so errors can be traced to their subschema.
 */
export function prepareForValidation(document: Json, registry: SchemaRegistry): { documentId: string; validationCopy: Json; prepared: ValidatedDocument } {
  const validationCopy = structuredClone(document);
  closeObjectSchemas(validationCopy);
  const pointers = new WeakMap<object, string>();
  forEachSchemaSite(validationCopy, ({ holder, key, pointer }) => {
    const schema = (holder as Json)[key as string];
    if (isObject(schema)) pointers.set(schema, pointer);
  });
  const documentId = registry.register(validationCopy);
  const namesWithBranches = new WeakMap<object, ReadonlySet<string>>();
  const namesWithoutBranches = new WeakMap<object, ReadonlySet<string>>();

  const prepared: ValidatedDocument = {
    validatorFor(schema: object): ValidateFunction | undefined {
      const pointer = pointers.get(schema);
      if (pointer === undefined) return undefined;
      try {
        return registry.validator(documentId, pointer);
      } catch {
        return undefined;
      }
    },
    declaredNames(schema: object, branches: boolean): ReadonlySet<string> {
      const cache = branches ? namesWithBranches : namesWithoutBranches;
      let known = cache.get(schema);
      if (!known) {
        const collected = new Set<string>();
        collectNames(validationCopy, schema, branches, collected, new Set());
        cache.set(schema, (known = collected));
      }
      return known;
    },
  };
  return { documentId, validationCopy, prepared };
}

function collectNames(document: Json, schema: unknown, branches: boolean, into: Set<string>, seen: Set<unknown>): void {
  if (!isObject(schema) || seen.has(schema)) return;
  seen.add(schema);
  if (isObject(schema.properties)) for (const name of Object.keys(schema.properties)) into.add(name);
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith('#')) collectNames(document, getAtPointer(document, schema.$ref), branches, into, seen);
  for (const keyword of branches ? ['allOf', 'anyOf', 'oneOf'] : ['allOf']) {
    const list = schema[keyword];
    if (Array.isArray(list)) for (const branch of list) collectNames(document, branch, branches, into, seen);
  }
}
