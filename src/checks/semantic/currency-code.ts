import { NO_FACTS, type CheckFacts, type ResponseCheck } from '../check.ts';
import { reportableAmounts } from './amounts.ts';

/**
 * currency-code-unknown: an amount's currency code in the body that is neither ISO 4217 nor declared
 * by the vendor, reported once per place however many amounts share it. Only codes a body sends:
 * a fixed asset is the vendor file's own word.
 */
export const currencyCode: ResponseCheck = {
  ids: ['currency-code-unknown'],
  check: (context) => {
    let facts: CheckFacts[] | undefined;
    let reported: Set<string> | undefined;
    for (const { currency, allowed } of reportableAmounts(context)) {
      if (currency?.pointer == null || reported?.has(currency.pointer)) continue;
      if (allowed!.known) continue;
      (reported ??= new Set()).add(currency.pointer);
      (facts ??= []).push({ id: 'currency-code-unknown', pointer: currency.pointer, observed: currency.code });
    }
    return facts ?? NO_FACTS;
  },
};
