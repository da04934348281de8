import { Decimal } from 'decimal.js';

/**
 * Exact decimal values of the amounts a body holds, never doubles. Most amounts are short
 * ("1000.50", 250), so they are held as a safe integer of units at a scale (1000.50: 100050 at 2),
 * where adding and comparing cost a few machine operations; anything a safe integer cannot hold
 * exactly (more digits, beyond 2^53, an exponent) is held by decimal.js. Every fast-path result is
 * checked with Number.isSafeInteger: a true result beyond 2^53 rounds to a double at or beyond it,
 * so a rounded one is always caught and done again in decimal.js.
 */
export interface ExactDecimal {
  /** The value times 10^scale, when it is a safe integer; otherwise `big` holds the value. */
  readonly units: number;
  /** Fractional digits, as written (the larger of the operands' for a sum): the text keeps them. */
  readonly scale: number;
  readonly big: Decimal | null;
}

/** Longest text read as a decimal, and largest exponent: a hostile number costs bounded time and memory. */
const MAX_TEXT = 400;
const MAX_EXPONENT = 1_000;

// Precision enough for any sum of two bounded values: decimal.js rounds to it, so it must never bind.
const Big = Decimal.clone({ precision: 2 * (MAX_TEXT + MAX_EXPONENT) + 10, toExpNeg: -9e15, toExpPos: 9e15 });

/**
 * The exact value of a decimal text: `-1000.50`, `0`, and (for the source text of a JSON number,
 * `exponent: true`) `1.5e3`. Anything else (`+1`, `.5`, `1,000`, `NaN`, a blank) is null.
 */
export function decimalOf(text: string, exponent = false): ExactDecimal | null {
  if (text === '0') return NOTHING;
  const length = text.length;
  if (length === 0 || length > MAX_TEXT) return null;
  let at = text.charCodeAt(0) === MINUS ? 1 : 0;
  const negative = at === 1;
  let units = 0;
  let digits = 0;
  let scale = 0;
  // Never read past the end: charCodeAt out of bounds (NaN) sends V8 off its fast path, tripling the cost.
  let code = at < length ? text.charCodeAt(at) : END;
  while (code >= ZERO && code <= NINE) {
    units = units * 10 + (code - ZERO);
    digits++;
    code = ++at < length ? text.charCodeAt(at) : END;
  }
  if (digits === 0) return null;
  if (code === POINT) {
    code = ++at < length ? text.charCodeAt(at) : END;
    while (code >= ZERO && code <= NINE) {
      units = units * 10 + (code - ZERO);
      scale++;
      code = ++at < length ? text.charCodeAt(at) : END;
    }
    if (scale === 0) return null;
  }
  if (at === length) return Number.isSafeInteger(units) ? { units: negative ? -units : units, scale, big: null } : bigOf(text, scale);
  if (!exponent || (code !== LOWER_E && code !== UPPER_E)) return null;
  return exponentOf(text, at + 1, scale);
}

// The most common figure of a ledger (nothing on hold, no overdraft used): one value for all
// (not frozen: a frozen object's shape would make every site reading decimals see two).
const NOTHING: ExactDecimal = { units: 0, scale: 0, big: null };

/** a + b, exactly. */
export function addDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return combine(a, b, 1);
}

/** a - b, exactly. */
export function subtractDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return combine(a, b, -1);
}

/** -1, 0 or 1 as a is below, equal to or above b (5000 equals 5000.00). */
export function compareDecimals(a: ExactDecimal, b: ExactDecimal): -1 | 0 | 1 {
  if (a.big === null && b.big === null) {
    // Units at one scale are safe integers: compared as they are.
    if (a.scale === b.scale) return a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
    const scale = Math.max(a.scale, b.scale);
    const left = a.units * TEN[scale - a.scale]!;
    const right = b.units * TEN[scale - b.scale]!;
    if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left < right ? -1 : left > right ? 1 : 0;
  }
  return bigFrom(a).comparedTo(bigFrom(b)) as -1 | 0 | 1;
}

/** The value written out in plain digits with its scale: `-250.50`, `9007199254740992`. */
export function decimalText(value: ExactDecimal): string {
  if (value.big !== null) return value.big.toFixed(value.scale);
  if (value.scale === 0) return String(value.units);
  const digits = String(Math.abs(value.units)).padStart(value.scale + 1, '0');
  const sign = value.units < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -value.scale)}.${digits.slice(-value.scale)}`;
}

/** Past the end of a text. */
const END = -1;
const MINUS = 45;
const PLUS = 43;
const POINT = 46;
const ZERO = 48;
const NINE = 57;
const LOWER_E = 101;
const UPPER_E = 69;

/** 10^0 .. 10^22: every one exact as a double, so a scale alignment is one exact multiplication (or caught). */
export const TEN: readonly number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);

function combine(a: ExactDecimal, b: ExactDecimal, sign: 1 | -1): ExactDecimal {
  const scale = Math.max(a.scale, b.scale);
  if (a.big === null && b.big === null && scale < TEN.length) {
    const left = a.units * TEN[scale - a.scale]!;
    const right = b.units * TEN[scale - b.scale]!;
    const units = left + sign * right;
    if (Number.isSafeInteger(left) && Number.isSafeInteger(right) && Number.isSafeInteger(units)) return { units, scale, big: null };
  }
  const big = sign === 1 ? bigFrom(a).plus(bigFrom(b)) : bigFrom(a).minus(bigFrom(b));
  return { units: 0, scale, big };
}

function bigFrom(value: ExactDecimal): Decimal {
  return value.big ?? new Big(decimalText(value));
}

function bigOf(text: string, scale: number): ExactDecimal {
  return { units: 0, scale, big: new Big(text) };
}

/** A number with an exponent (`1.5e3`, `2E-4`): its scale is the fractional digits it has once written out. */
function exponentOf(text: string, start: number, fraction: number): ExactDecimal | null {
  let at = start;
  const code = text.charCodeAt(at);
  const negative = code === MINUS;
  if (negative || code === PLUS) at++;
  let exponent = 0;
  const first = at;
  for (let c = text.charCodeAt(at); c >= ZERO && c <= NINE; c = text.charCodeAt(++at)) {
    exponent = exponent * 10 + (c - ZERO);
    if (exponent > MAX_EXPONENT) return null;
  }
  if (at === first || at !== text.length) return null;
  return bigOf(text, Math.max(0, fraction + (negative ? exponent : -exponent)));
}
