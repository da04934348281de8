import { runCheck, type Check } from '../findings/index.ts';
import { makeFinding } from '../findings/index.ts';
import type { CaseFinding } from '../judge/index.ts';
import type { ContractVerification } from './verification.ts';

/**
 * contract-broken: one fact per mismatch the verifier found, naming the interaction (expected) and
 * the mismatch (observed), attached to the case that recorded it. The judge rates them like every
 * other finding.
 */
export const brokenInteractions: Check<ContractVerification, CaseFinding> = {
  ids: ['contract-broken'],
  check: (verification) =>
    verification.interactions
      .filter((interaction) => interaction.outcome === 'broken')
      .flatMap((interaction) =>
        interaction.mismatches.map((mismatch) => ({
          ...makeFinding({
            id: 'contract-broken',
            vendor: verification.vendor,
            operation: interaction.operation,
            status: interaction.status,
            pointer: mismatch.pointer,
            expected: interaction.description,
            observed: mismatch.text,
          }),
          case: interaction.case,
        })),
      ),
};

/** The contract verification's findings. */
export function contractBroken(verification: ContractVerification): CaseFinding[] {
  return [...runCheck(brokenInteractions, verification)];
}
