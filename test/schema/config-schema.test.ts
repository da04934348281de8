import { describe, expect, it } from 'vitest';
import { configValidator } from '../../src/schema/index.ts';

describe('configValidator', () => {
  it('compiles its schema when first called, not when declared: a run that never reads such a file pays nothing', () => {
    // ajv in strict mode refuses an unknown keyword at compile time: declaring must not reach it.
    const refused = configValidator({ type: 'object', notAKeyword: true });
    expect(() => refused({})).toThrow(/unknown keyword/);
  });

  it('compiles once: later calls reuse what the first compiled', () => {
    const schema: Record<string, unknown> = { type: 'object' };
    const violations = configValidator(schema);
    expect(violations({})).toEqual([]);
    schema.type = 'string';
    expect(violations({})).toEqual([]);
  });

  it('names the fault in the file\'s terms', () => {
    const violations = configValidator({ type: 'object', properties: { shard: { type: 'integer' } }, additionalProperties: false });
    expect(violations({ shard: 'x', extra: 1 })).toEqual([
      { pointer: '', key: 'extra', message: 'unknown key "extra"' },
      { pointer: '/shard', key: null, message: 'shard must be integer' },
    ]);
  });
});
