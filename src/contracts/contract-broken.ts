import { makeFinding } from '../findings/finding.ts';
import type { CaseFinding } from '../judge/index.ts';
import type { ContractVerification } from './verification.ts';

/**
 * The contract verification's findings: one `contract-broken` fact per mismatch, naming the
 * interaction (expected) and the mismatch (observed), attached to the case that recorded it. The
 * judge rates them like every other finding.
 */
export function contractBroken(verification: ContractVerification): CaseFinding[] {
  return verification.interactions
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
    );
}
