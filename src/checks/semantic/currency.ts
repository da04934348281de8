import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import currencyCodes from 'currency-codes';
import type { CurrencyPolicy } from './rules.ts';

/**
 * What a currency allows: `known` false for a code that is neither ISO 4217 nor declared (and the
 * vendor does not name assets freely); `decimals` null where any number of decimals is fine (an
 * arbitrary-precision asset, or a free code of an `anyCode` vendor); `label` names it in findings.
 */
export interface CurrencyScale {
  known: boolean;
  decimals: number | null;
  label: string;
}

/** Longer than any currency or asset notation: a longer vendor string is not read further. */
const MAX_CODE_LENGTH = 64;
/** Scales of asset notations stop here: ETH/18 is the largest in use, and a bigger N says nothing more. */
const MAX_NOTATION_DIGITS = 3;
const MAX_CACHED = 256;

const cache = new WeakMap<CurrencyPolicy, Map<string, CurrencyScale>>();
let lastPolicy: CurrencyPolicy | undefined;
let lastKnown: Map<string, CurrencyScale> | undefined;

/** The decimals `code` allows under the vendor's policy: `USD/2` and `ETH/18` carry their own (their code known as any other), else the vendor's declaration, else ISO 4217. */
export function currencyScale(code: string, policy: CurrencyPolicy): CurrencyScale {
  // One vendor's responses come one after another: its codes are kept at hand, without a WeakMap lookup per amount.
  let known = policy === lastPolicy ? lastKnown! : cache.get(policy);
  if (!known) cache.set(policy, (known = new Map()));
  lastPolicy = policy;
  lastKnown = known;
  let scale = known.get(code);
  if (!scale) {
    scale = lookUp(code, policy);
    if (known.size < MAX_CACHED) known.set(code, scale);
  }
  return scale;
}

function lookUp(code: string, policy: CurrencyPolicy): CurrencyScale {
  const label = code.length > MAX_CODE_LENGTH ? `${code.slice(0, MAX_CODE_LENGTH)}…` : code;
  if (code.length > MAX_CODE_LENGTH) return { known: policy.anyCode, decimals: null, label };
  // `ETH/18` carries its scale, but its code is held to the policy like any other: `FOO/2` is no more known than FOO.
  const notation = notationScale(code);
  if (notation !== null) return { known: isKnown(code.slice(0, code.lastIndexOf('/')).toUpperCase(), policy), decimals: notation, label };
  const upper = code.toUpperCase();
  if (Object.hasOwn(policy.declared, upper)) return { known: true, decimals: policy.declared[upper] ?? null, label: upper };
  // Whop sends 'usd': ISO codes are upper case, vendors are not always.
  const iso = currencyCodes.code(upper);
  if (iso) return { known: true, decimals: withoutMinorUnit().has(upper) ? null : iso.digits, label: upper };
  return { known: policy.anyCode, decimals: null, label: upper };
}

/** Whether an upper-case code is ISO 4217, declared by the vendor, or free under its policy. */
function isKnown(upper: string, policy: CurrencyPolicy): boolean {
  return policy.anyCode || Object.hasOwn(policy.declared, upper) || currencyCodes.code(upper) !== undefined;
}

/** N of an asset notation `CODE/N`, read character by character (vendor text, no regex); null when `code` is none. */
function notationScale(code: string): number | null {
  const slash = code.lastIndexOf('/');
  const digits = code.slice(slash + 1);
  if (slash < 1 || digits.length === 0 || digits.length > MAX_NOTATION_DIGITS) return null;
  for (const c of digits) if (c < '0' || c > '9') return null;
  return Number(digits);
}

let noMinorUnit: Set<string> | undefined;

/**
 * The ISO codes whose minor unit is "N.A." (gold, SDR, test and fund units): no scale to hold them to.
 * currency-codes reads "N.A." as 0 digits, so they come from the ISO list it ships, read once.
 */
function withoutMinorUnit(): Set<string> {
  if (!noMinorUnit) {
    const list = readFileSync(createRequire(import.meta.url).resolve('currency-codes/iso-4217-list-one.xml'), 'utf8');
    noMinorUnit = new Set();
    for (const entry of list.split('<CcyNtry>')) {
      const code = entry.indexOf('<Ccy>');
      if (code >= 0 && entry.includes('<CcyMnrUnts>N.A.</CcyMnrUnts>')) noMinorUnit.add(entry.slice(code + 5, code + 8));
    }
  }
  return noMinorUnit;
}
