import { Decimal } from 'decimal.js';
import { normaliseIndices } from '../../findings/index.ts';
import type { CheckContext } from '../context.ts';
import { applicableBody, applicableRules } from './applicable.ts';
import { bindPattern, MAX_MATCHES, member, valueAtSegments, type Pattern } from './pattern.ts';
import { currencyScale, type CurrencyScale } from './currency.ts';
import { TEN } from './decimal.ts';
import { perRules, placesOf, type Place } from './places.ts';
import type { RuleBody } from './rule-body.ts';
import type { AmountEncoding, CurrencyPolicy } from './rules.ts';

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
  /** What the currency allows under the vendor's policy; null with no currency. */
  allowed: CurrencyScale | null;
}

const NONE: readonly Amount[] = Object.freeze([]);
// Several checks, then the response facts, read the amounts of one response, one response after another:
// the last response's are kept (a WeakMap entry per response cost more than finding them), in plain
// variables, as an object to hold them would be one more allocation per response.
let lastContext: CheckContext | undefined;
let lastAmounts: readonly Amount[] | undefined;
let lastScreened: CheckContext | undefined;
let lastReportable = false;

/** The amounts the applicable amount rules reach in a response's body, each pointer once (the first rule to reach it wins), at most MAX_MATCHES. */
export function amountsOf(context: CheckContext): readonly Amount[] {
  if (lastContext !== context || lastAmounts === undefined) {
    lastAmounts = gather(context, true).amounts;
    lastContext = context;
  }
  return lastAmounts;
}

/**
 * The amounts, for the amount checks: none when no amount could be reported (as most bodies), found
 * first without building an amount (the checks' common all-clear path); then every amount, as amountsOf.
 */
export function reportableAmounts(context: CheckContext): readonly Amount[] {
  if (lastScreened !== context) {
    lastReportable = screen(context);
    lastScreened = context;
  }
  return lastReportable ? amountsOf(context) : NONE;
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

/** An amount rule with its places found once: per operation, not per response. */
interface Plan {
  at: Place;
  /** The currency's place in the body, or the rule's fixed asset. */
  currency: Place | Currency;
  /** Where the currency sits in the entry the amount's last `*` bound, when both patterns bind the same entries (`/balances/*\/currency`); else null. */
  besideAt: readonly string[] | null;
}

type Currency = NonNullable<Amount['currency']>;

/** The rules' plans, and whether two of their patterns can reach one place (only then is a place checked for a second rule). */
interface Plans {
  rules: Plan[];
  overlapping: boolean;
  /** When every amount and currency sits at a plain place, each reached once: their slots, screened without a Gathered (see screenPlain); else null. */
  plain: PlainScreen | null;
  /**
   * When every amount is a member of the entries of one list or map (`/balances/*\/balance`,
   * `/balances/*\/pending_balance`), each reached once: the list's segments and, by rule, the member
   * name, so the screen walks the entries once (see screenEntries); else null.
   */
  entries: { list: readonly string[]; names: string[] } | null;
}

/** By amount rule, its slot and its currency's (-1 for a fixed asset, then in `fixed`). */
interface PlainScreen {
  plans: Plan[];
  slots: Int32Array;
  currencySlots: Int32Array;
  fixed: (string | null)[];
}

const planOf = perRules((rules): Plans => {
  const places = placesOf(rules);
  const planned = rules.amounts.map(({ at, currency }): Plan => {
    const place = places.place(at);
    if ('asset' in currency) return { at: place, currency: Object.freeze({ code: currency.asset, pointer: null }), besideAt: null };
    const from = places.place(currency.pointer);
    return { at: place, currency: from, besideAt: besideAt(place.pattern, from.pattern) };
  });
  const overlapping = planned.some((one, i) => planned.some((other, j) => j > i && mayMeet(one.at.pattern, other.at.pattern)));
  return { rules: planned, overlapping, plain: overlapping ? null : plainScreen(planned), entries: overlapping ? null : entriesScreen(planned) };
});

function entriesScreen(plans: Plan[]): Plans['entries'] {
  const list = plans[0]!.at.pattern.segments.slice(0, -2);
  const inOneList = plans.every(({ at: { pattern } }) => {
    const { segments } = pattern;
    return segments.length === list.length + 2 && segments.indexOf('*') === list.length && segments.lastIndexOf('*') === list.length && list.every((segment, i) => segments[i] === segment);
  });
  return inOneList ? { list, names: plans.map(({ at }) => at.pattern.segments.at(-1)!) } : null;
}

function plainScreen(plans: Plan[]): PlainScreen | null {
  if (plans.length > MAX_MATCHES || plans.some(({ at, currency }) => at.slot < 0 || ('slot' in currency && currency.slot < 0))) return null;
  return {
    plans,
    slots: Int32Array.from(plans, ({ at }) => at.slot),
    currencySlots: Int32Array.from(plans, ({ currency }) => ('slot' in currency ? currency.slot : -1)),
    fixed: plans.map(({ currency }) => ('slot' in currency ? null : currency.code)),
  };
}

/**
 * Gather's screen (build false) where every place is plain: the same answer, read slot by slot, each
 * currency's scale looked up once per code, and done at the first amount that could be reported.
 */
function screenPlain({ plans, slots, currencySlots, fixed }: PlainScreen, body: RuleBody, policy: CurrencyPolicy): boolean {
  let code: string | null = null;
  let allowed: CurrencyScale | null = null;
  for (let i = 0; i < slots.length; i++) {
    const value = body.at(slots[i]!);
    if (typeof value !== 'number' && typeof value !== 'string') continue;
    // As Gathered.add: a number with a source text may have lost digits, whatever its currency.
    if (typeof value === 'number' && body.source(plans[i]!.at.pattern, NO_BINDINGS) !== undefined) return true;
    const currencySlot = currencySlots[i]!;
    const read = currencySlot < 0 ? fixed[i] : body.at(currencySlot);
    const next = typeof read === 'string' ? read : null;
    if (next !== code || allowed === null) allowed = next === null ? null : currencyScale(next, policy);
    code = next;
    if (allowed === null) continue;
    if (currencySlot >= 0 && !allowed.known) return true;
    if (allowed.decimals === null) continue;
    if (typeof value === 'number') {
      if (printsMoreDecimals(value, allowed.decimals)) return true;
      continue;
    }
    const figure = body.readSlot(slots[i]!);
    const scale = figure !== null && typeof figure === 'object' ? figure.scale : scaleOf(value);
    if (scale !== null && scale > allowed.decimals) return true;
  }
  return false;
}

/** The currency pattern's segments after its last `*`, when up to it both patterns are the same (so its `*`s bind what the amount's do); else null. */
function besideAt(amount: Pattern, currency: Pattern): readonly string[] | null {
  const last = amount.segments.lastIndexOf('*');
  if (last < 0 || currency.segments.lastIndexOf('*') !== last) return null;
  for (let i = 0; i < last; i++) if (amount.segments[i] !== currency.segments[i]) return null;
  return currency.segments.slice(last + 1);
}

/** Whether two patterns can name one place: as many segments, each equal or a `*`. */
function mayMeet(one: Pattern, other: Pattern): boolean {
  return one.segments.length === other.segments.length && one.segments.every((segment, i) => segment === '*' || other.segments[i] === '*' || segment === other.segments[i]);
}

/** Whether an amount check could report an amount of the body. */
function screen(context: CheckContext): boolean {
  const rules = applicableRules(context);
  if (!rules || rules.amounts.length === 0) return false;
  const { plain } = planOf(rules);
  return plain === null ? gather(context, false).reportable : screenPlain(plain, applicableBody(context)!, context.semantic.currencies);
}

const NOTHING = Object.freeze({ amounts: NONE, reportable: false });

/** `build`: make the amounts; otherwise only tell whether an amount check could report one. */
function gather(context: CheckContext, build: boolean): { readonly amounts: readonly Amount[]; readonly reportable: boolean } {
  const rules = applicableRules(context);
  if (!rules || rules.amounts.length === 0) return NOTHING;
  const { rules: planned, overlapping, entries } = planOf(rules);
  // Two rules reach one place only when their patterns overlap (known per operation): only then is a set kept.
  const gathered = new Gathered(applicableBody(context)!, context.semantic.currencies, overlapping ? new Set() : undefined, build);
  if (!build && entries !== null && screenEntries(entries, planned, gathered)) return gathered;
  for (const plan of planned) {
    if (plan.at.slot >= 0) gathered.add(plan, gathered.body.at(plan.at.slot), NO_BINDINGS);
    else gathered.body.visit(plan.at, (value, bindings, entry) => gathered.add(plan, value, bindings, entry));
  }
  return gathered;
}

const NO_BINDINGS: readonly string[] = Object.freeze([]);

/**
 * Gather's screen over the entries of one list, each entry's amounts in turn: one walk, not one per
 * rule, and the same answer, as the screen's is the same whatever the order while no cap binds.
 * False, having added nothing, where the entries are too many for that (see MAX_MATCHES).
 */
function screenEntries({ list, names }: NonNullable<Plans['entries']>, plans: Plan[], gathered: Gathered): boolean {
  const entries = valueAtSegments(gathered.body.value, list, NO_BINDINGS);
  if (entries === null || typeof entries !== 'object') return true;
  const keys = Array.isArray(entries) ? null : Object.keys(entries);
  const count = keys === null ? (entries as unknown[]).length : keys.length;
  if (count * plans.length > MAX_MATCHES) return false;
  const bindings = [''];
  for (let i = 0; i < count; i++) {
    const key = keys === null ? String(i) : keys[i]!;
    const entry: unknown = keys === null ? (entries as unknown[])[i] : (entries as Record<string, unknown>)[key];
    if (entry === null || typeof entry !== 'object') continue;
    bindings[0] = key;
    for (let j = 0; j < plans.length; j++) gathered.add(plans[j]!, member(entry, names[j]!), bindings, entry);
  }
  return true;
}

/** One body's amounts, as the rules reach them: when only screening, no pointer or amount is made. */
class Gathered {
  readonly amounts: Amount[] = [];
  /** Whether an amount check could report an amount read: a number whose digits may be lost, more decimals than allowed, an unknown code. */
  reportable = false;
  private count = 0;
  // Amounts of one entry share its currency: the last one read from a place without `*` (or fixed) is kept.
  private from: Place | Currency | null = null;
  private code: string | null = null;
  /** Whether the code was read from the body (not a rule's fixed asset). */
  private sent = false;
  /** The currency as an amount holds it: made only when building. */
  private currency: Amount['currency'] = null;
  private allowed: CurrencyScale | null = null;

  constructor(
    readonly body: RuleBody,
    private readonly policy: CurrencyPolicy,
    private readonly reached: Set<string> | undefined,
    private readonly build: boolean,
  ) {}

  /** `entry`: what the amount pattern's last `*` bound. */
  add({ at, currency, besideAt }: Plan, value: unknown, bindings: readonly string[], entry?: unknown): void {
    if ((typeof value !== 'number' && typeof value !== 'string') || this.count === MAX_MATCHES) return;
    let pointer: string | undefined;
    if (this.reached) {
      pointer = bindPattern(at.pattern, bindings)!;
      if (this.reached.has(pointer)) return;
      this.reached.add(pointer);
    }
    this.count++;
    this.readCurrency(currency, bindings, entry, besideAt);
    if (typeof value === 'string') {
      if (!this.build) this.reportable ||= this.mayReport(value, at.slot);
      else this.amounts.push({ pointer: pointer ?? bindPattern(at.pattern, bindings)!, encoding: 'string', text: value, parsed: value, scale: this.stringScale(value, at.slot), currency: this.currency, allowed: this.allowed });
      return;
    }
    // A number's digits as sent, only where the text may write it otherwise than the double JSON.parse
    // made of it prints (a double's shortest text has no zero ending its fraction): see RuleBody.source.
    const source = this.body.source(at.pattern, bindings);
    // Without a source, the number is exactly what was sent, so only its decimals could be reported (an integer has none).
    if (!this.build) this.reportable ||= source !== undefined || this.mayReport(value, at.slot);
    else {
      const text = source ?? String(value);
      this.amounts.push({ pointer: pointer ?? bindPattern(at.pattern, bindings)!, encoding: 'number', text, parsed: value, scale: source === undefined ? scaleOf(text) : valueScale(source), currency: this.currency, allowed: this.allowed });
    }
  }

  /** Whether an amount (a number: exactly as sent), in the current currency, breaks the scale or currency-code check's rule (their conditions). */
  private mayReport(value: string | number, slot: number): boolean {
    const allowed = this.allowed;
    if (allowed === null) return false;
    if (this.sent && !allowed.known) return true;
    if (allowed.decimals === null) return false;
    if (typeof value === 'number') return printsMoreDecimals(value, allowed.decimals);
    const scale = this.stringScale(value, slot);
    return scale !== null && scale > allowed.decimals;
  }

  /** A string's decimals: a plain place's figure is read (and kept) once for the amounts and the rules alike; scaleOf reads what no figure is (`1e3`). */
  private stringScale(text: string, slot: number): number | null {
    const figure = slot < 0 ? null : this.body.readSlot(slot);
    return figure !== null && typeof figure === 'object' ? figure.scale : scaleOf(text);
  }

  /** With `besideAt` (see Plan), the code is read in the amount's own entry, not from the root. */
  private readCurrency(from: Place | Currency, bindings: readonly string[], entry: unknown, besideAt: readonly string[] | null): void {
    if (from === this.from) return;
    this.from = 'slot' in from && from.slot < 0 ? null : from;
    const read = besideAt !== null ? valueAtSegments(entry, besideAt, NO_BINDINGS) : 'slot' in from ? this.body.valueAt(from, bindings) : from.code;
    const code = typeof read === 'string' ? read : null;
    // Entries of one list mostly share a currency: its scale is looked up again only when the code changes.
    if (code !== this.code || this.allowed === null) this.allowed = code === null ? null : currencyScale(code, this.policy);
    this.code = code;
    this.sent = 'slot' in from;
    if (this.build) this.currency = code === null ? null : 'slot' in from ? { code, pointer: bindPattern(from.pattern, bindings) } : from;
  }
}

/**
 * A JSON number's decimals are its value's: 1.50 is 1.5 (1), 100e-2 is 1 (0), 1.5e-3 is 0.0015 (4).
 * Read only once scaleOf has accepted the text (its exponent at most MAX_EXPONENT_DIGITS digits, far
 * inside decimal.js's bounds, which keeps the digits as an exponent and a coefficient, never expands them).
 */
function valueScale(text: string): number | null {
  return scaleOf(text) === null ? null : new Decimal(text).decimalPlaces();
}

/**
 * Whether String(value) writes more than `decimals` fractional digits, without writing it where
 * arithmetic tells (String of a double costs some 60 ns). If value, scaled and rounded to an integer,
 * scales back to itself, the text of that decimal reads as value (division rounds the exact quotient,
 * as reading a text does), and String's text, the shortest that does, has no more decimals: a shorter
 * text has fewer unless a power of ten lies between the two, and then that power reads as value too
 * and is the shortest of all.
 */
export function printsMoreDecimals(value: number, decimals: number): boolean {
  if (Number.isInteger(value)) return false;
  if (decimals < TEN.length && Math.round(value * TEN[decimals]!) / TEN[decimals]! === value) return false;
  const scale = scaleOf(String(value));
  return scale !== null && scale > decimals;
}

/** Longest exponent read: beyond it a decimal says nothing a scale could judge. */
const MAX_EXPONENT_DIGITS = 9;

/**
 * Fractional digits of a decimal as written, read character by character (vendor text, no regex):
 * JSON number syntax, `1.50` 2, `15e-1` 1, `1.5e3` 0; null for text that is no such number.
 */
export function scaleOf(text: string): number | null {
  const length = text.length;
  // Never read past the end: charCodeAt there (NaN) sends V8 off its fast path (see decimal.ts).
  const at = (i: number) => (i < length ? text.charCodeAt(i) : END);
  let i = at(0) === MINUS ? 1 : 0;
  const whole = i;
  while (isDigit(at(i))) i++;
  if (i === whole) return null;
  let fraction = 0;
  if (at(i) === POINT) {
    const start = ++i;
    while (isDigit(at(i))) i++;
    fraction = i - start;
    if (fraction === 0) return null;
  }
  let exponent = 0;
  const e = at(i);
  if (e === LOWER_E || e === UPPER_E) {
    const sign = at(i + 1) === MINUS ? -1 : 1;
    i += at(i + 1) === MINUS || at(i + 1) === PLUS ? 2 : 1;
    const start = i;
    while (isDigit(at(i))) i++;
    if (i === start || i - start > MAX_EXPONENT_DIGITS) return null;
    exponent = sign * Number(text.slice(start, i));
  }
  return i === length ? Math.max(0, fraction - exponent) : null;
}

/** Past the end of a text. */
const END = -1;
const [MINUS, PLUS, POINT, LOWER_E, UPPER_E] = ['-', '+', '.', 'e', 'E'].map((c) => c.charCodeAt(0));

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
