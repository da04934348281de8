import type { FixtureRef, SuiteCase } from '../vendors/index.ts';

export type { FixtureRef, SuiteCase } from '../vendors/index.ts';

/** A path parameter taken from the target's fixtures (so it is skipped when the fixture is not configured). */
export function fixture(name: string): FixtureRef {
  return { fixture: name };
}

export function isFixtureRef(value: SuiteCase['params'][string]): value is FixtureRef {
  return typeof value === 'object';
}
