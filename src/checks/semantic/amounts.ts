import { getAtPointer, rawValuesAt } from '../../json/index.ts';
import { normaliseIndices } from '../../findings/index.ts';
import type { CheckContext } from '../context.ts';
import { applicableRules } from './applicable.ts';
import { bindPattern, matchPattern, MAX_MATCHES } from './pattern.ts';
import type { AmountEncoding, AmountRule } from './rules.ts';

/** One amount of a body that an amount rule reaches, with the currency that sets its decimals. */
export interface Amount {
  pointer: string;
  encoding: 'number' | 'string';
  /** As sent: a number's source text (not what JSON.parse made of it), a string's characters. */
  text: string;
  /** What JSON.parse made of it. */
  parsed: number | string;
  /** Fractional digits as written (`1000.50`: 2, `1.5e-3`: 4); null for a string that is no decimal. */
  scale: number | null;
  /** The currency code from the body (`pointer` where it sits) or the rule's fixed asset (`pointer` null); null when the body has none. */
  currency: { code: string; pointer: string | null } | null;
}

const NONE: readonly Amount[] = Object.freeze([]);
// Several checks and the response facts read the amounts of one response: found once.
const found = new WeakMap<CheckContext, readonly Amount[]>();

/** The amounts the applicable amount rules reach in a response's body, each pointer once (the first rule to reach it wins), at most MAX_MATCHES. */
export function amountsOf(context: CheckContext): readonly Amount[] {
  let amounts = found.get(context);
  if (!amounts) found.set(context, (amounts = findAmounts(context)));
  return amounts;
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

function findAmounts(context: CheckContext): readonly Amount[] {
  const rules = applicableRules(context);
  if (!rules || rules.amounts.length === 0 || !context.json?.ok) return NONE;
  const { value: body, text: bodyText } = context.json;
  const amounts = new Map<string, Amount>();
  const numbers: string[] = [];
  for (const rule of rules.amounts) {
    for (const { pointer, value, bindings } of matchPattern(body, rule.at)) {
      if (amounts.size === MAX_MATCHES) break;
      if ((typeof value !== 'number' && typeof value !== 'string') || amounts.has(pointer)) continue;
      const text = typeof value === 'string' ? value : String(value);
      if (typeof value === 'number') numbers.push(pointer);
      amounts.set(pointer, { pointer, encoding: typeof value === 'number' ? 'number' : 'string', text, parsed: value, scale: null, currency: currencyOf(rule, body, bindings) });
    }
  }
  // A number's digits as sent, for all of them in one pass over the text, and only when there are numbers.
  const sent = numbers.length > 0 ? rawValuesAt(bodyText, numbers) : undefined;
  for (const amount of amounts.values()) {
    if (amount.encoding === 'number') amount.text = sent?.get(amount.pointer) ?? amount.text;
    amount.scale = scaleOf(amount.text);
  }
  return [...amounts.values()];
}

function currencyOf(rule: AmountRule, body: unknown, bindings: readonly string[]): Amount['currency'] {
  if ('asset' in rule.currency) return { code: rule.currency.asset, pointer: null };
  const pointer = bindPattern(rule.currency.pointer, bindings);
  const code = pointer === null ? undefined : getAtPointer(body, pointer);
  return typeof code === 'string' ? { code, pointer } : null;
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
