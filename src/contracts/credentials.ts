import type { CredentialUse } from '../vendors/index.ts';

/**
 * A contract never holds a credential, only which kind a case sent: this request header, which the
 * verifier's request filter reads, removes and replaces with the target's real credential.
 */
export const CREDENTIAL_HEADER = 'x-conform-credential';

const CREDENTIAL_KINDS: readonly CredentialUse[] = ['valid', 'none', 'invalid', 'limited'];

export function isCredentialKind(value: unknown): value is CredentialUse {
  return (CREDENTIAL_KINDS as readonly unknown[]).includes(value);
}
