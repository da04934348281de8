import { credentialPlacement, type CredentialUse, type VendorTarget } from '../vendors/index.ts';

/**
 * A contract never holds a credential, only which kind a case sent: this request header, which the
 * verifier's request filter reads, removes and replaces with the target's real credential.
 */
export const CREDENTIAL_HEADER = 'x-conform-credential';

const CREDENTIAL_KINDS: readonly CredentialUse[] = ['valid', 'none', 'invalid', 'limited'];

export function isCredentialKind(value: unknown): value is CredentialUse {
  return (CREDENTIAL_KINDS as readonly unknown[]).includes(value);
}

/** The auth headers each credential kind sends to this target (none for `none`, or for a kind it lacks). */
export function credentialHeaders(target: VendorTarget): Record<CredentialUse, Record<string, string>> {
  // The verifier's request filter sets headers only: an apiKey sent in the query is not verifiable this way.
  const headersFor = (secret: string | null) => (secret ? credentialPlacement(target.auth, secret).headers : {});
  return {
    valid: headersFor(target.credentials.valid),
    none: {},
    invalid: headersFor(target.invalidCredential),
    limited: headersFor(target.credentials.limited),
  };
}

/** Why a target cannot send what a case sent, as `conform run` skips such a case; null when it can. */
export function missingCredential(target: VendorTarget, kind: CredentialUse): string | null {
  if (kind === 'limited' && !target.credentials.limited) return 'no limited credential is configured';
  if ((kind === 'none' || kind === 'invalid') && !target.credentials.valid) return `${target.vendor} runs without credentials`;
  return null;
}

/** Names of request headers that carry credentials, or look as if they might: never recorded. */
export function isCredentialHeader(name: string): boolean {
  return /^(authorization|proxy-authorization|cookie)$|key|token|secret|password|signature/i.test(name);
}
