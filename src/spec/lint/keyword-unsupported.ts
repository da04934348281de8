import { getAtPointer } from '../../json/pointer.ts';
import type { SchemaRegistry } from '../../schema/registry.ts';
import { forEachSchemaSite, isObject } from '../walk.ts';
import type { LintContext } from './context.ts';

type Json = Record<string, unknown>;

/**
 * spec-keyword-unsupported: a discriminator ajv cannot honour as written (it rejects `mapping`, and
 * needs a const/enum tag in every branch). Asking ajv itself, rather than re-implementing its rules,
 * keeps the verdict exact; such a discriminator is dropped from the repaired document.
 * Every discriminator is then dropped from the validation copy: ajv's discriminator does not pass the
 * chosen branch's evaluated properties on to `unevaluatedProperties`, which would report every property
 * of a valid variant as undocumented. Plain oneOf accepts exactly the same values (the tags are const).
 * Returns true when the validation copy changed and must be registered again.
 */
export function probeDiscriminators(
  document: Json,
  validationCopy: Json,
  registry: SchemaRegistry,
  documentId: string,
  context: LintContext,
): boolean {
  const sites: Array<{ schema: Json; pointer: string }> = [];
  forEachSchemaSite(validationCopy, ({ holder, key, pointer }) => {
    const schema = (holder as Json)[key as string];
    if (isObject(schema) && 'discriminator' in schema) sites.push({ schema, pointer });
  });
  for (const { schema, pointer } of sites) {
    try {
      registry.validator(documentId, pointer);
    } catch (error) {
      const message = (error as Error).message;
      if (message.startsWith('discriminator')) {
        context.report('spec-keyword-unsupported', `${pointer}/discriminator`, { observed: message });
        const original = getAtPointer(document, pointer);
        if (isObject(original)) delete original.discriminator;
      }
    }
    delete schema.discriminator;
  }
  return sites.length > 0;
}

