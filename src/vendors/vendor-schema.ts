import { createHash } from 'node:crypto';
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

type PrecompiledValidator = Parameters<typeof configViolationReader>[0] & { schemaSha256?: string };

let validate: ((value: unknown) => ConfigViolation[]) | undefined;

/**
 * The vendor file's schema violations. The build's precompiled validator when there is one (dist/) and
 * it was compiled from this very schema (a build by tsc alone keeps an older one): compiling the schema
 * costs a quarter of a second of every start. Otherwise it is compiled on first use, once per process.
 */
export function vendorSchemaViolations(content: unknown): ConfigViolation[] {
  if (!validate) {
    const text = readFileSync(VENDOR_SCHEMA_FILE, 'utf8');
    const precompiled = existsSync(PRECOMPILED) ? (createRequire(import.meta.url)(PRECOMPILED) as PrecompiledValidator) : null;
    validate = precompiled?.schemaSha256 === schemaSha256(text) ? configViolationReader(precompiled) : configValidator(JSON.parse(text) as object);
  }
  return validate(content);
}

export function schemaSha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
