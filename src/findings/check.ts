import type { FindingId } from './registry.ts';

/** The least a producer reports: which finding it is. Each producer adds the facts its input has. */
export interface IdentifiedFacts {
  readonly id: FindingId;
}

/**
 * One producer of findings (a response check, a suite check, a spec lint rule, the baseline
 * comparison, the contract verification): the IDs it may report and a function from its input to
 * facts. Each is exported as a named const so test/findings/producers.test.ts finds them all and
 * proves every registry ID has exactly one producing module and a fixture.
 */
export interface Check<Input, Facts extends IdentifiedFacts = IdentifiedFacts> {
  readonly ids: readonly FindingId[];
  check(input: Input): readonly Facts[];
}

/**
 * Runs a check, refusing a fact whose ID the check did not declare: that is a bug in conform, and
 * failing loudly (every test that reaches it fails) beats a finding no registry entry or fixture
 * vouches for. Costs nothing when the check reports nothing, which is most of the time.
 */
export function runCheck<Input, Facts extends IdentifiedFacts>(check: Check<Input, Facts>, input: Input): readonly Facts[] {
  const facts = check.check(input);
  for (let i = 0; i < facts.length; i++) {
    const { id } = facts[i]!;
    if (!check.ids.includes(id)) throw new Error(`a check declaring ${check.ids.join(', ')} reported ${id}, which it does not declare`);
  }
  return facts;
}
