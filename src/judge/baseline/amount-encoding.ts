import type { AmountEncoding } from '../../checks/index.ts';
import type { Check, FindingFacts } from '../../findings/index.ts';
import { jsonAnswersByResponse, type CaseAnswer } from './observe.ts';
import type { AmountShape, Baseline } from './types.ts';

export type EncodingChange = Pick<FindingFacts, 'operation' | 'status' | 'pointer' | 'expected' | 'observed'> & { id: 'amount-encoding-changed'; case: string };

/**
 * amount-encoding-changed: an amount written otherwise than the baseline recorded it (a decimal string
 * now a number, or a decimal string with other decimals), each with its case. One per case and pointer
 * however many items of a list changed. A baseline that recorded no amounts for the response compares nothing.
 */
export const amountEncodingChanged: Check<{ baseline: Baseline; answers: readonly CaseAnswer[] }, EncodingChange> = {
  ids: ['amount-encoding-changed'],
  check: ({ baseline, answers }) => {
    const changes: EncodingChange[] = [];
    for (const [operation, byStatus] of jsonAnswersByResponse(answers)) {
      for (const [status, group] of byStatus) {
        const recorded = baseline.operations[operation]?.responses[status]?.amounts;
        if (!recorded) continue;
        for (const answer of group) {
          const reported = new Set<string>();
          for (const amount of answer.amounts) {
            const known = recorded[amount.pointer];
            if (!known || reported.has(amount.pointer) || !changed(known, amount)) continue;
            reported.add(amount.pointer);
            changes.push({ id: 'amount-encoding-changed', case: answer.case, operation, status, pointer: amount.pointer, expected: describeKnown(known), observed: describe(amount) });
          }
        }
      }
    }
    return changes;
  },
};

function changed(known: AmountShape, amount: AmountEncoding): boolean {
  if (!known.encodings.includes(amount.encoding)) return true;
  return amount.encoding === 'string' && fixedWidth(known) !== null && amount.scale !== fixedWidth(known);
}

/**
 * The decimals every decimal string at this place was written with, when the baseline shows a fixed
 * width: one scale, of at least one decimal. A vendor that trims zeros writes "0", "12.5" and "1000.25"
 * for one field, and a width of 0 is what trimming gives too: neither says the vendor changed.
 */
function fixedWidth(known: AmountShape): number | null {
  const [scale, ...others] = known.scales;
  return scale !== undefined && scale > 0 && others.length === 0 ? scale : null;
}

function describeKnown(known: AmountShape): string {
  return known.encodings.map((encoding) => (encoding === 'string' ? `decimal string, ${known.scales.map(decimals).join(' or ')}` : 'number')).join(' or ');
}

function describe(amount: AmountEncoding): string {
  return `${amount.encoding === 'string' ? 'decimal string' : 'number'}, ${decimals(amount.scale)}`;
}

const decimals = (scale: number) => `${scale} decimal${scale === 1 ? '' : 's'}`;
