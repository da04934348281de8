import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configValidator, configViolationReader } from '../../src/schema/index.ts';
import { schemaSha256, VENDOR_SCHEMA_FILE } from '../../src/vendors/vendor-schema.ts';
import { REPO_ROOT } from '../support/paths.ts';

const PRECOMPILED = join(REPO_ROOT, 'dist', 'src', 'vendors', 'vendor-schema.validate.cjs');

/** Vendor files with several mistakes at once: every one of them is reported, in the same words. */
const CONTENTS: Record<string, unknown> = {
  empty: {},
  'many mistakes': { name: 1, order: 'first', specs: 'one.yaml', live: { when: 1, extra: true }, auth: {}, variables: { 'not a name': 'x' }, cases: [{}] },
  'a real vendor file': parse(readFileSync(join(REPO_ROOT, 'vendors', 'midaz.yaml'), 'utf8')),
};

describe('the vendor-file validator npm run build compiles ahead of time', () => {
  const schemaText = readFileSync(VENDOR_SCHEMA_FILE, 'utf8');
  let precompiled: ReturnType<typeof configViolationReader>;
  let sha256: unknown;

  beforeAll(() => {
    // dist/ is built by the tests' globalSetup (tsc); the rest of `npm run build` is this script.
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build-vendor-validator.mjs')], { cwd: REPO_ROOT });
    const validate = createRequire(import.meta.url)(PRECOMPILED) as Parameters<typeof configViolationReader>[0] & { schemaSha256: unknown };
    precompiled = configViolationReader(validate);
    sha256 = validate.schemaSha256;
  });

  it.each(Object.keys(CONTENTS))('reads %s exactly as the schema compiled at run time does', (name) => {
    const atRunTime = configValidator(JSON.parse(schemaText) as object)(CONTENTS[name]);
    expect(precompiled(CONTENTS[name])).toEqual(atRunTime);
  });

  it('finds every mistake of a file, not the first only', () => {
    expect(precompiled(CONTENTS['many mistakes']).length).toBeGreaterThan(5);
    expect(precompiled(CONTENTS['a real vendor file'])).toEqual([]);
  });

  it('names the schema it was compiled from, so a build by tsc alone never runs an older one', () => {
    expect(sha256).toBe(schemaSha256(schemaText));
  });
});
