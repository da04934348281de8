import { NO_FACTS, type CheckFacts, type ResponseCheck } from '../check.ts';
import { reportableAmounts } from './amounts.ts';

/** amount-scale-exceeds-currency: an amount written with more decimals than its currency or asset allows. */
export const amountScale: ResponseCheck = {
  ids: ['amount-scale-exceeds-currency'],
  check: (context) => {
    let facts: CheckFacts[] | undefined;
    for (const { pointer, encoding, text, scale, allowed } of reportableAmounts(context)) {
      if (scale === null || allowed === null) continue;
      if (allowed.decimals === null || scale <= allowed.decimals) continue;
      const expected = `at most ${allowed.decimals} decimal${allowed.decimals === 1 ? '' : 's'} (${allowed.label})`;
      (facts ??= []).push({ id: 'amount-scale-exceeds-currency', pointer, expected, observed: encoding === 'string' ? JSON.stringify(text) : text });
    }
    return facts ?? NO_FACTS;
  },
};
