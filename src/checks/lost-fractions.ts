import { escapeSegment, parsePointer, rawValuesAt } from '../json/index.ts';
import { mayHoldInexact } from './context.ts';

/**
 * Numbers the vendor wrote with a fraction that JSON.parse rounded away (12345678901234567890.5
 * parses to an integer-valued double: beyond 2^53 every double is one), by pointer, with the text as
 * written. A schema's `type: integer` must be judged on those digits, not on the rounded double.
 */
export function lostFractions(json: { value: unknown; text: string }): ReadonlyMap<string, string> {
  const { value, text } = json;
  // A fraction is lost only past 15 significant digits, or behind an exponent (1e-400 parses to 0): a body with neither has none.
  if (!mayHoldInexact(json)) return NONE_LOST;
  const integers = integerValuedNumbers(value);
  if (integers.length === 0) return NONE_LOST;
  return new Map([...rawValuesAt(text, integers)].filter(([, raw]) => !isWholeNumber(raw)));
}

/** What most bodies lose: shared, so the passing path allocates nothing. */
const NONE_LOST: ReadonlyMap<string, string> = new Map();

/**
 * The body with 0.5, a number that is no integer, wherever a fraction was lost: what ajv is shown to
 * judge those places. Only the containers on the way to them are copied (in a loop, so no body is too
 * deep for it); everything else is shared with the body as parsed.
 */
export function withFractionsRestored(value: unknown, lost: ReadonlyMap<string, string>): unknown {
  if (lost.has('')) return 0.5;
  const copied = new Map<unknown, Record<string, unknown>>();
  const copyOf = (container: unknown): Record<string, unknown> => {
    let copy = copied.get(container);
    if (!copy) copied.set(container, (copy = (Array.isArray(container) ? [...container] : { ...(container as object) }) as Record<string, unknown>));
    return copy;
  };
  const root = copyOf(value);
  for (const pointer of lost.keys()) {
    const segments = parsePointer(pointer);
    const last = segments.pop()!;
    let original = value as Record<string, unknown>;
    let copy = root;
    for (const segment of segments) {
      original = original[segment] as Record<string, unknown>;
      copy = copy[segment] = copyOf(original);
    }
    copy[last] = 0.5;
  }
  return root;
}

/** Pointers of every integer-valued number in a parsed body; iterative, so no body is too deep for it. */
function integerValuedNumbers(root: unknown): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[root, '']];
  while (stack.length > 0) {
    const [value, pointer] = stack.pop()!;
    if (typeof value === 'number') {
      if (Number.isInteger(value)) found.push(pointer);
    } else if (Array.isArray(value)) value.forEach((item, i) => stack.push([item, `${pointer}/${i}`]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) stack.push([item, `${pointer}/${escapeSegment(key)}`]);
    }
  }
  return found;
}

// A JSON number token: no nested quantifiers, linear on any input.
const NUMBER = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Whether a JSON number token is exactly a whole number, by its digits: 1.50e1 is, 1.05e1 is not. */
function isWholeNumber(raw: string): boolean {
  const parts = NUMBER.exec(raw);
  if (!parts) return true;
  const digits = parts[1]! + (parts[2] ?? '');
  // Where the decimal point falls in `digits`; every digit at or after it must be 0.
  const point = parts[1]!.length + Number(parts[3] ?? 0);
  return /^0*$/.test(digits.slice(Math.max(point, 0)));
}
