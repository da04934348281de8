import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configValidator, configViolationReader, type ConfigViolation } from '../schema/index.ts';
import { CONFORM_ROOT } from './conform-root.ts';

/** The schema editors complete vendor files with, and the loader validates them by. */
export const VENDOR_SCHEMA_FILE = join(CONFORM_ROOT, 'schemas', 'vendor.schema.json');

// Written next to the compiled module by `npm run build` (scripts/build-vendor-validator.mjs).
const PRECOMPILED = fileURLToPath(new URL('./vendor-schema.validate.cjs', import.meta.url));

let validate: ((value: unknown) => ConfigViolation[]) | undefined;

/**
 * The vendor file's schema violations. The build's precompiled validator when there is one (dist/):
 * compiling the schema costs a quarter of a second of every start. From source (tsx, tests), it is
 * compiled on first use, once per process; both read errors the same way.
 */
export function vendorSchemaViolations(content: unknown): ConfigViolation[] {
  validate ??= existsSync(PRECOMPILED)
    ? configViolationReader(createRequire(import.meta.url)(PRECOMPILED))
    : configValidator(JSON.parse(readFileSync(VENDOR_SCHEMA_FILE, 'utf8')) as object);
  return validate(content);
}
