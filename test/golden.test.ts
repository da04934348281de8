import { describe, expect, it } from 'vitest';
import { expectGolden } from './support/golden.ts';

describe('golden files', () => {
  it('a missing golden file fails the test instead of being written and compared with itself', () => {
    expect(() => expectGolden('no-such-golden.txt', 'anything', {})).toThrow('golden file test/golden/no-such-golden.txt is missing: run with UPDATE_GOLDEN=1');
  });

  it('output that differs from its golden file fails', () => {
    expect(() => expectGolden('specs-lint.txt', 'not the lint output', {})).toThrow();
  });
});
