import { violationsOf } from '../schema/index.ts';
import type { ValidateFunction } from 'ajv';
import { NO_FACTS, type CheckFacts, type ResponseCheck } from './check.ts';
import { lostFractions, withFractionsRestored } from './lost-fractions.ts';

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
      const facts = validate(json.value) ? NO_FACTS : violationsOf(validate, json.value, prepared);
      // Only a document that types some value `integer` can be broken by a fraction JSON.parse dropped:
      // for any other, the body's text is not read again.
      if (!registry.typesIntegers(documentId)) return facts;
      const lost = lostFractions(json);
      if (lost.size === 0) return facts;
      // A place the first pass already found of the wrong type (a string wanted) needs no second finding.
      const typed = new Set(facts.filter((f) => f.id === 'response-property-type-mismatch').map((f) => f.pointer));
      return [...facts, ...fractionsLostAtIntegers(validate, json.value, lost, prepared).filter((f) => !typed.has(f.pointer))];
    } catch (error) {
      // ajv validates by recursion: a body nested deeper than the call stack cannot be followed.
      if (error instanceof RangeError && /call stack/.test(error.message)) return TOO_DEEP;
      throw error;
    }
  },
};

/**
 * Integers the vendor wrote with a fraction JSON.parse rounded away: the body is validated again with
 * a fraction in those places, and where the schema then wants an integer, that is a type mismatch,
 * shown with the digits as sent.
 */
function fractionsLostAtIntegers(validate: ValidateFunction, value: unknown, lost: ReadonlyMap<string, string>, prepared: Parameters<typeof violationsOf>[2]): CheckFacts[] {
  const restored = withFractionsRestored(value, lost);
  if (validate(restored)) return [];
  return violationsOf(validate, restored, prepared)
    // Only where an integer is wanted: the fraction may change which oneOf/anyOf branch a finding names.
    .filter((violation) => violation.id === 'response-property-type-mismatch' && lost.has(violation.pointer) && /\binteger\b/.test(violation.expected ?? ''))
    .map((violation) => ({ ...violation, observed: `number ${lost.get(violation.pointer)}` }));
}

const TOO_DEEP = [{ id: 'response-body-too-deep' as const, expected: 'a body the schema validator can follow', observed: 'deeper than its call stack' }];
