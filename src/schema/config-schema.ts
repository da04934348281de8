import type { ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';

/** One way a configuration file breaks its schema: where (a JSON pointer into the file) and what. */
export interface ConfigViolation {
  /** The value at fault; for an unknown key, the mapping that holds it. */
  pointer: string;
  /** The unknown key itself, when that is the fault. */
  key: string | null;
  message: string;
}

/** The options configValidator compiles with: a build compiling a schema ahead of time uses the same. */
export const CONFIG_AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true } as const;

/**
 * A validator for one of conform's own configuration schemas (vendor files): strict, every error,
 * its own Ajv instance so nothing of a vendor document's registry leaks into it, compiled when first
 * called. Messages name the fault in the file's terms, not ajv's.
 */
export function configValidator(schema: object): (value: unknown) => ConfigViolation[] {
  // Compiled on first use: modules declare their validators at the top, and a run that never reads such
  // a file (a shard, a stored audit) must not pay ajv's compile at start (about 0.1 s each).
  let violations: ((value: unknown) => ConfigViolation[]) | undefined;
  return (value) => (violations ??= configViolationReader(new Ajv2020(CONFIG_AJV_OPTIONS).compile(schema)))(value);
}

/** configValidator's reading of a compiled validator (one compiled ahead of time by ajv standalone too). */
export function configViolationReader(validate: { (value: unknown): boolean; errors?: ErrorObject[] | null }): (value: unknown) => ConfigViolation[] {
  return (value) => {
    if (validate(value)) return [];
    const violations = (validate.errors ?? [])
      // A oneOf's own error repeats what its branches said.
      .filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'if')
      .map((error): ConfigViolation => {
        const params = error.params as Record<string, unknown>;
        if (error.keyword === 'additionalProperties') return { pointer: error.instancePath, key: String(params.additionalProperty), message: `unknown key "${String(params.additionalProperty)}"` };
        if (error.keyword === 'propertyNames') return { pointer: error.instancePath, key: String(params.propertyName), message: `"${String(params.propertyName)}" is not a valid name here` };
        return { pointer: error.instancePath, key: null, message: `${nameOf(error.instancePath)} ${error.message ?? 'is invalid'}` };
      });
    return violations.filter((v, i) => violations.findIndex((w) => w.pointer === v.pointer && w.message === v.message) === i);
  };
}

function nameOf(pointer: string): string {
  return pointer === '' ? 'the file' : pointer.slice(1).replaceAll('/', '.');
}
