import { Decimal } from 'decimal.js';
import { NO_FACTS, type CheckFacts, type ResponseCheck } from '../check.ts';
import { amountsOf } from './amounts.ts';

/**
 * amount-precision-lost: a number amount whose digits as sent are not exactly the double JSON.parse
 * made of them (9007199254740993 is held as 9007199254740992). Written differently but equal is no
 * loss: 1.50 is exactly the double 1.5.
 */
export const amountPrecision: ResponseCheck = {
  ids: ['amount-precision-lost'],
  check: (context) => {
    let facts: CheckFacts[] | undefined;
    for (const { pointer, encoding, text, parsed } of amountsOf(context)) {
      if (encoding !== 'number') continue;
      // The shortest text of a double is exactly that double, so comparing it with the text as sent is exact.
      const held = String(parsed);
      if (held === text || new Decimal(text).equals(held)) continue;
      (facts ??= []).push({ id: 'amount-precision-lost', pointer, expected: `${text} exactly`, observed: held });
    }
    return facts ?? NO_FACTS;
  },
};
