import { getAtPointer } from '../json/index.ts';
import { rawValuesAt } from '../json/index.ts';
import type { CheckFacts } from './check.ts';
import type { CheckContext } from './context.ts';

/**
 * A number JSON.parse cannot hold exactly is shown as the vendor wrote it, not rounded. The source
 * text of every such number is found in one pass over the body, however many findings there are.
 */
export function withRawNumbers(facts: readonly CheckFacts[], { json }: CheckContext): readonly CheckFacts[] {
  if (!json?.ok) return facts;
  const numbers = new Map<string, number>();
  for (const { pointer, observed } of facts) {
    if (!pointer || !observed || numbers.has(pointer)) continue;
    const value = getAtPointer(json.value, pointer);
    if (typeof value === 'number') numbers.set(pointer, value);
  }
  if (numbers.size === 0) return facts;
  const raws = rawValuesAt(json.text, [...numbers.keys()]);
  return facts.map((facts) => {
    const value = facts.pointer ? numbers.get(facts.pointer) : undefined;
    const raw = value === undefined ? undefined : raws.get(facts.pointer!);
    const shown = JSON.stringify(value);
    // The value ends what is observed ("k1: 1.0", "integer 7", "kept 2.50"): a key may hold the same digits.
    // Already as written (a check that judged the digits, checks/lost-fractions.ts), or nothing to restore.
    if (!raw || raw === shown || facts.observed!.endsWith(raw) || !facts.observed!.endsWith(shown)) return facts;
    // 12345678901234567890.12 parses to an integer-valued double; the type word follows what was written.
    const observed = `${facts.observed!.slice(0, -shown.length)}${raw}`.replace(/^integer /, /^-?\d+$/.test(raw) ? 'integer ' : 'number ');
    return { ...facts, observed };
  });
}
