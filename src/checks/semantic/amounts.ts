import { Decimal } from 'decimal.js';
import { rawValuesAt } from '../../json/index.ts';
import { mayHoldInexact } from '../context.ts';
import { normaliseIndices } from '../../findings/index.ts';
import type { CheckContext } from '../context.ts';
import { applicableRules } from './applicable.ts';
import { bindPattern, compilePattern, MAX_MATCHES, valueAt, visitPattern, type Pattern } from './pattern.ts';
import type { AmountEncoding, OperationRules } from './rules.ts';

/** One amount of a body that an amount rule reaches, with the currency that sets its decimals. */
export interface Amount {
  pointer: string;
  encoding: 'number' | 'string';
  /** As sent: a number's source text (not what JSON.parse made of it), a string's characters. */
  text: string;
  /** What JSON.parse made of it. */
  parsed: number | string;
  /** Fractional digits: a string's as written (`"1000.50"`: 2), a number's value's (`1.50` is 1.5: 1; `100e-2` is 1: 0; `1.5e-3`: 4); null for a string that is no decimal. */
  scale: number | null;
  /** The currency code from the body (`pointer` where it sits) or the rule's fixed asset (`pointer` null); null when the body has none. */
  currency: { code: string; pointer: string | null } | null;
}

const NONE: readonly Amount[] = Object.freeze([]);
// Several checks, then the response facts, read the amounts of one response, one response after another:
// the last response's are kept (a WeakMap entry per response cost more than finding them).
let last: { context: CheckContext; amounts: readonly Amount[] } | undefined;

/** The amounts the applicable amount rules reach in a response's body, each pointer once (the first rule to reach it wins), at most MAX_MATCHES. */
export function amountsOf(context: CheckContext): readonly Amount[] {
  if (last?.context !== context) last = { context, amounts: findAmounts(context) };
  return last.amounts;
}

/** How each amount was written, by where it sits (array indices as `*`), each way once: what a baseline keeps. */
export function amountEncodings(context: CheckContext): AmountEncoding[] {
  const seen = new Set<string>();
  const encodings: AmountEncoding[] = [];
  for (const { pointer, encoding, scale } of amountsOf(context)) {
    if (scale === null) continue;
    const at = normaliseIndices(pointer);
    const key = `${encoding} ${scale} ${at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    encodings.push({ pointer: at, encoding, scale });
  }
  return encodings;
}

/** An amount rule with its patterns read once: per operation, not per response. */
interface Plan {
  at: Pattern;
  currency: Pattern | string;
}

/** The rules' plans, and whether two of their patterns can reach one place (only then is a place checked for a second rule). */
interface Plans {
  rules: Plan[];
  overlapping: boolean;
}

const plans = new WeakMap<OperationRules, Plans>();

function planOf(rules: OperationRules): Plans {
  let plan = plans.get(rules);
  if (!plan) {
    const planned = rules.amounts.map(({ at, currency }) => ({ at: compilePattern(at), currency: 'asset' in currency ? currency.asset : compilePattern(currency.pointer) }));
    plan = { rules: planned, overlapping: planned.some((one, i) => planned.some((other, j) => j > i && mayMeet(one.at, other.at))) };
    plans.set(rules, plan);
  }
  return plan;
}

/** Whether two patterns can name one place: as many segments, each equal or a `*`. */
function mayMeet(one: Pattern, other: Pattern): boolean {
  return one.segments.length === other.segments.length && one.segments.every((segment, i) => segment === '*' || other.segments[i] === '*' || segment === other.segments[i]);
}

function findAmounts(context: CheckContext): readonly Amount[] {
  const rules = applicableRules(context);
  if (!rules || rules.amounts.length === 0 || !context.json?.ok) return NONE;
  const { value: body, text: bodyText } = context.json;
  const amounts: Amount[] = [];
  const { rules: planned, overlapping } = planOf(rules);
  // Two rules reach one place only when their patterns overlap (known per operation): only then is a set kept.
  const reached = overlapping ? new Set<string>() : undefined;
  // Amounts of one entry share its currency: a fixed currency place is read once per body.
  const fixedCurrencies = new Map<Pattern, Amount['currency']>();
  let numbers: string[] | undefined;
  for (const { at, currency } of planned) {
    visitPattern(body, at, (pointer, value, bindings) => {
      if ((typeof value !== 'number' && typeof value !== 'string') || amounts.length === MAX_MATCHES) return;
      if (reached) {
        if (reached.has(pointer)) return;
        reached.add(pointer);
      }
      if (typeof value === 'number') (numbers ??= []).push(pointer);
      const text = typeof value === 'string' ? value : '';
      amounts.push({ pointer, encoding: typeof value === 'number' ? 'number' : 'string', text, parsed: value, scale: typeof value === 'string' ? scaleOf(value) : null, currency: currencyOf(currency, body, bindings, fixedCurrencies) });
    });
  }
  if (numbers) {
    // A number's digits as sent, for all of them in one pass over the text, and only when the text may
    // hold one a double cannot keep: otherwise the parsed number is exactly what was sent.
    const sent = mayHoldInexact(context.json) ? rawValuesAt(bodyText, numbers) : undefined;
    for (const amount of amounts) {
      if (amount.encoding !== 'number') continue;
      const source = sent?.get(amount.pointer);
      // A double's shortest text has no zero ending its fraction: its decimals as written are its value's.
      amount.text = source ?? String(amount.parsed);
      amount.scale = source === undefined ? scaleOf(amount.text) : valueScale(source);
    }
  }
  return amounts;
}

/**
 * A JSON number's decimals are its value's: 1.50 is 1.5 (1), 100e-2 is 1 (0), 1.5e-3 is 0.0015 (4).
 * Read only once scaleOf has accepted the text (its exponent at most MAX_EXPONENT_DIGITS digits, far
 * inside decimal.js's bounds, which keeps the digits as an exponent and a coefficient, never expands them).
 */
function valueScale(text: string): number | null {
  return scaleOf(text) === null ? null : new Decimal(text).decimalPlaces();
}

function currencyOf(currency: Pattern | string, body: unknown, bindings: readonly string[], fixed: Map<Pattern, Amount['currency']>): Amount['currency'] {
  if (typeof currency === 'string') return { code: currency, pointer: null };
  if (!currency.starred && fixed.has(currency)) return fixed.get(currency)!;
  const code = valueAt(body, currency, bindings);
  const found = typeof code === 'string' ? { code, pointer: bindPattern(currency, bindings) } : null;
  if (!currency.starred) fixed.set(currency, found);
  return found;
}

/** Longest exponent read: beyond it a decimal says nothing a scale could judge. */
const MAX_EXPONENT_DIGITS = 9;

/**
 * Fractional digits of a decimal as written, read character by character (vendor text, no regex):
 * JSON number syntax, `1.50` 2, `15e-1` 1, `1.5e3` 0; null for text that is no such number.
 */
export function scaleOf(text: string): number | null {
  let i = text[0] === '-' ? 1 : 0;
  const whole = i;
  while (i < text.length && isDigit(text[i]!)) i++;
  if (i === whole) return null;
  let fraction = 0;
  if (text[i] === '.') {
    const start = ++i;
    while (i < text.length && isDigit(text[i]!)) i++;
    fraction = i - start;
    if (fraction === 0) return null;
  }
  let exponent = 0;
  if (text[i] === 'e' || text[i] === 'E') {
    const sign = text[i + 1] === '-' ? -1 : 1;
    i += text[i + 1] === '-' || text[i + 1] === '+' ? 2 : 1;
    const start = i;
    while (i < text.length && isDigit(text[i]!)) i++;
    if (i === start || i - start > MAX_EXPONENT_DIGITS) return null;
    exponent = sign * Number(text.slice(start, i));
  }
  return i === text.length ? Math.max(0, fraction - exponent) : null;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}
