import { isDeepStrictEqual } from 'node:util';
import { Decimal } from 'decimal.js';
import { excerpt, runCheck, type Check, type FindingFacts } from '../../findings/index.ts';
import { getAtPointer, rawValuesAt } from '../../json/index.ts';
import { bindPattern, matchPattern } from './pattern.ts';
import type { IdentityRule } from './rules.ts';

/** One answered case of a run, as the cross-response check reads it: its masked body, and that body's text (for the digits of numbers). */
export interface IdentityAnswer {
  case: string;
  operation: string;
  status: number;
  value: unknown;
  /** The (masked) body text the value was parsed from; null when there is none. */
  text: string | null;
}

export interface IdentityInput {
  identities: readonly IdentityRule[];
  answers: readonly IdentityAnswer[];
  /**
   * The stand-in masking shows for a value (privacy/placeholder.ts, a later stage, so it is passed in):
   * deterministic, so a value shown in one answer and masked in another is still the same value.
   */
  placeholderFor: (value: string | number) => unknown;
}

/** A fact about one case of the run, found by comparing it with another. */
export type CrossResponseFacts = Omit<FindingFacts, 'vendor'> & { id: 'cross-response-mismatch' | 'amount-precision-lost'; case: string };

/** What one answer showed at an entry's value pattern, for one key. */
interface Sighting {
  answer: IdentityAnswer;
  pointer: string;
  value: unknown;
  /** The value as written: a number's digits from the body text, else its JSON. */
  written: string;
}

/**
 * cross-response-mismatch and amount-precision-lost across a run: for each identity rule, the value
 * the first entry's operation answered for a key, held against what the other entries' operations
 * answered for the same key. Masking is deterministic, so a value shown on one side and masked on the
 * other is the same value. One finding per case and value pattern: one root cause, one row.
 */
export const crossResponse: Check<IdentityInput, CrossResponseFacts> = {
  ids: ['cross-response-mismatch', 'amount-precision-lost'],
  check: ({ identities, answers, placeholderFor }) => {
    const successes = answers.filter((answer) => answer.status >= 200 && answer.status <= 299);
    return identities.flatMap((rule) => ruleFindings(rule, successes, placeholderFor));
  },
};

function ruleFindings(rule: IdentityRule, answers: readonly IdentityAnswer[], placeholderFor: IdentityInput['placeholderFor']): CrossResponseFacts[] {
  const [reference, ...others] = rule.entries;
  if (!reference) return [];
  const referenced = new Map<string, Sighting>();
  for (const answer of answers.filter((a) => a.operation === reference.operation)) {
    for (const [key, sighting] of sightings(answer, reference)) for (const form of keyForms(key, placeholderFor)) if (!referenced.has(form)) referenced.set(form, sighting);
  }
  const findings: CrossResponseFacts[] = [];
  for (const entry of others) {
    for (const answer of answers.filter((a) => a.operation === entry.operation)) {
      for (const [key, sighting] of sightings(answer, entry)) {
        const expected = keyForms(key, placeholderFor).map((form) => referenced.get(form)).find((found) => found !== undefined);
        const id = expected && difference(expected, sighting, placeholderFor);
        if (!id) continue;
        findings.push({
          id,
          case: answer.case,
          operation: answer.operation,
          status: answer.status,
          pointer: sighting.pointer,
          expected: `${expected.written} (as ${expected.answer.operation} answered)`,
          observed: id === 'amount-precision-lost' ? `${sighting.written}: digits differ from the same amount elsewhere in the run` : sighting.written,
        });
        break;
      }
    }
  }
  return findings;
}

/** Each key (as JSON) one answer showed, with what it showed at the entry's value pattern, the `*`s bound as the key's were. */
function sightings(answer: IdentityAnswer, entry: IdentityRule['entries'][number]): Array<[string, Sighting]> {
  const found: Array<{ key: unknown; pointer: string; value: unknown }> = [];
  for (const match of matchPattern(answer.value, entry.key)) {
    if (!isKey(match.value)) continue;
    const pointer = bindPattern(entry.value, match.bindings);
    const value = pointer === null ? undefined : getAtPointer(answer.value, pointer);
    if (pointer !== null && value !== undefined) found.push({ key: match.value, pointer, value });
  }
  const numbers = found.filter((f) => typeof f.value === 'number').map((f) => f.pointer);
  const digits = numbers.length > 0 && answer.text !== null ? rawValuesAt(answer.text, numbers) : new Map<string, string>();
  return found.map(({ key, pointer, value }) => [JSON.stringify(key), { answer, pointer, value, written: digits.get(pointer) ?? excerpt(value) }]);
}

function isKey(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** A key as shown and as masked: either side may have masked it, so both sides are read in both forms. */
function keyForms(form: string, placeholderFor: IdentityInput['placeholderFor']): string[] {
  const masked = JSON.stringify(placeholderFor(JSON.parse(form)));
  return masked === form ? [form] : [form, masked];
}

/**
 * Why two sightings of one entity disagree, or null when they agree. Values are compared as sent: a
 * string by its characters (`"007"` is not `"7"`, an id or code drift), anything else by its JSON; only
 * two numbers are compared by value, by the digits written (1.50 is 1.5), where a double may have lost some.
 */
function difference(reference: Sighting, other: Sighting, placeholderFor: IdentityInput['placeholderFor']): CrossResponseFacts['id'] | null {
  const a = reference.value, b = other.value;
  if (isKey(a) && isKey(b) && (placeholderFor(a) === b || a === placeholderFor(b))) return null;
  if (typeof a !== 'number' || typeof b !== 'number') return isDeepStrictEqual(a, b) ? null : 'cross-response-mismatch';
  if (reference.written === other.written) return null;
  const x = decimalText(reference.written), y = decimalText(other.written);
  if (x === null || y === null) return a === b ? null : 'cross-response-mismatch';
  if (new Decimal(x).equals(new Decimal(y))) return null;
  // Equal once each is held as a double, yet not the same digits: one side went through a double.
  return a === b ? 'amount-precision-lost' : 'cross-response-mismatch';
}

// A decimal literal as amounts are written: linear to test (no nested quantifier), bounded before it is read.
const DECIMAL = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const MAX_DECIMAL_LENGTH = 100;

/** A number's written digits when decimal.js may read them; null for anything else. */
function decimalText(written: string): string | null {
  return written.length <= MAX_DECIMAL_LENGTH && DECIMAL.test(written) && Number.isFinite(Number(written)) ? written : null;
}

/** The run's cross-response facts (runCheck refuses an ID the check does not declare). */
export function crossResponseFacts(input: IdentityInput): readonly CrossResponseFacts[] {
  return runCheck(crossResponse, input);
}
