import { forEachSchemaSite, isObject } from './walk.ts';

/**
 * OpenAPI 3.0 schemas are a JSON Schema draft-04 dialect; conform validates with 2020-12 semantics
 * everywhere, so the two 3.0 keywords whose meaning differs are rewritten: `nullable` and boolean
 * `exclusiveMinimum`/`exclusiveMaximum`. 3.1 documents are 2020-12 already and are left alone.
 */
export function normalizeOpenApi30(document: Record<string, unknown>): void {
  forEachSchemaSite(document, ({ holder, key }) => {
    const schema = (holder as Record<string, unknown>)[key as string];
    if (!isObject(schema)) return;
    rewriteNullable(schema);
    rewriteExclusiveBound(schema, 'exclusiveMinimum', 'minimum');
    rewriteExclusiveBound(schema, 'exclusiveMaximum', 'maximum');
  });
}

function rewriteNullable(schema: Record<string, unknown>): void {
  if (!('nullable' in schema)) return;
  const nullable = schema.nullable === true;
  delete schema.nullable;
  if (!nullable) return;
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  else if (Array.isArray(schema.type) && !schema.type.includes('null')) schema.type = [...schema.type, 'null'];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}

function rewriteExclusiveBound(schema: Record<string, unknown>, exclusive: string, inclusive: string): void {
  if (typeof schema[exclusive] !== 'boolean') return;
  if (schema[exclusive] === true && typeof schema[inclusive] === 'number') {
    schema[exclusive] = schema[inclusive];
    delete schema[inclusive];
  } else {
    delete schema[exclusive];
  }
}
