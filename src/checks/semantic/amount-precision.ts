import { Decimal } from 'decimal.js';
import { NO_FACTS, type CheckFacts, type ResponseCheck } from '../check.ts';
import { reportableAmounts } from './amounts.ts';

/**
 * amount-precision-lost: a number amount whose digits as sent are not exactly the double JSON.parse
 * made of them (9007199254740993 is held as 9007199254740992). Written differently but equal is no
 * loss: 1.50 is exactly the double 1.5.
 */
export const amountPrecision: ResponseCheck = {
  ids: ['amount-precision-lost'],
  check: (context) => {
    let facts: CheckFacts[] | undefined;
    for (const { pointer, encoding, text, parsed } of reportableAmounts(context)) {
      if (encoding !== 'number' || withinDouble(text)) continue;
      // The shortest text of a double is exactly that double, so comparing it with the text as sent is exact.
      const held = String(parsed);
      if (held === text || new Decimal(text).equals(held)) continue;
      // Said as a double, not ending in its digits: withRawNumbers would restore the digits sent, the very loss shown.
      (facts ??= []).push({ id: 'amount-precision-lost', pointer, expected: `${text} exactly`, observed: `${held} (as a double)` });
    }
    return facts ?? NO_FACTS;
  },
};

/** A double holds every decimal of at most 15 significant digits and no exponent (1e400 is Infinity): those need no exact comparison. */
function withinDouble(text: string): boolean {
  let significant = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101 || c === 69) return false; // e, E
    if (c >= 49 && c <= 57) significant++; // 1-9
    else if (c === 48 && significant > 0) significant++; // a 0 after the first significant digit
  }
  return significant <= 15;
}
