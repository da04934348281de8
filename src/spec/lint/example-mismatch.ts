import { getAtPointer, joinPointer } from '../../json/index.ts';
import type { SchemaRegistry } from '../../schema/index.ts';
import { violationsOf, type ValidatedDocument } from '../../schema/index.ts';
import { resolve } from '../operations.ts';
import type { Operation } from '../types.ts';
import { isObject } from '../walk.ts';
import type { LintFacts, LintRule } from './context.ts';

export interface ExampleInput {
  document: Record<string, unknown>;
  operations: readonly Operation[];
  registry: SchemaRegistry;
  documentId: string;
  prepared: ValidatedDocument;
}

/**
 * spec-example-mismatch: a response example that fails the document's own schema (Whop's 422
 * `error: null`). Located at the failing value inside the example. Undocumented properties in an
 * example are not defects of the example, so they are not reported here.
 */
export const examplesMismatch: LintRule<ExampleInput> = {
  ids: ['spec-example-mismatch'],
  check: ({ document, operations, registry, documentId, prepared }) => {
    const defects: LintFacts[] = [];
    for (const operation of operations) {
      for (const response of operation.responses) {
        for (const media of response.content) {
          if (media.schemaPointer === null) continue;
          const examples = examplesOf(document, media.pointer);
          if (examples.length === 0) continue;
          let validate;
          try {
            validate = registry.validator(documentId, media.schemaPointer);
          } catch {
            continue; // an uncompilable schema is reported where responses are checked
          }
          for (const example of examples) {
            for (const violation of violationsOf(validate, example.value, prepared)) {
              if (violation.id === 'response-property-undocumented') continue;
              defects.push({ id: 'spec-example-mismatch', pointer: example.pointer + violation.pointer, expected: violation.expected ?? undefined, observed: violation.observed ?? undefined });
            }
          }
        }
      }
    }
    return defects;
  },
};

function examplesOf(document: Record<string, unknown>, mediaPointer: string): Array<{ pointer: string; value: unknown }> {
  const media = getAtPointer(document, mediaPointer);
  if (!isObject(media)) return [];
  const found: Array<{ pointer: string; value: unknown }> = [];
  if ('example' in media) found.push({ pointer: joinPointer(mediaPointer, 'example'), value: media.example });
  if (isObject(media.examples)) {
    for (const name of Object.keys(media.examples)) {
      const { value, pointer } = resolve(document, media.examples[name], joinPointer(mediaPointer, 'examples', name));
      if (isObject(value) && 'value' in value) found.push({ pointer: joinPointer(pointer, 'value'), value: value.value });
    }
  }
  return found;
}
