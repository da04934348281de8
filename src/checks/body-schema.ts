import { violationsOf } from '../schema/index.ts';
import { NO_FACTS, type ResponseCheck } from './check.ts';

/**
 * The body against its documented schema, in one ajv pass: missing, type, enum, format and other
 * keyword violations, and properties the schema does not declare. A schema ajv cannot compile is a
 * defect of the document (spec-schema-invalid), never a silent pass.
 */
export const bodySchema: ResponseCheck = {
  ids: [
    'response-property-missing',
    'response-property-type-mismatch',
    'response-property-enum-mismatch',
    'response-property-format-mismatch',
    'response-body-schema-mismatch',
    'response-property-undocumented',
    'response-body-too-deep',
    'spec-schema-invalid',
  ],
  check: ({ spec, media, json }) => {
    if (!media?.schemaPointer || !json?.ok) return NO_FACTS;
    const { registry, documentId, prepared } = spec.validation;
    let validate;
    try {
      validate = registry.validator(documentId, media.schemaPointer);
    } catch (error) {
      return [{ id: 'spec-schema-invalid', location: { file: spec.file, pointer: media.schemaPointer }, expected: 'a schema ajv can compile', observed: (error as Error).message }];
    }
    try {
      // A Violation is already a CheckFacts: id, pointer, expected, observed.
      return validate(json.value) ? NO_FACTS : violationsOf(validate, json.value, prepared);
    } catch (error) {
      // ajv validates by recursion: a body nested deeper than the call stack cannot be followed.
      if (error instanceof RangeError && /call stack/.test(error.message)) return TOO_DEEP;
      throw error;
    }
  },
};

const TOO_DEEP = [{ id: 'response-body-too-deep' as const, expected: 'a body the schema validator can follow', observed: 'deeper than its call stack' }];
