import type { VendorName } from '../sandbox/index.ts';

export type { VendorName } from '../sandbox/index.ts';

/** Which credential a suite case sends. */
export type CredentialUse = 'valid' | 'none' | 'invalid' | 'limited';

/**
 * Everything a suite needs to call one vendor: where, how to authenticate, and the ids of the data it
 * may read. Plain data, because it travels from the run to the suite workers. It holds secrets: it is
 * never written anywhere, and every writer redacts `credentials` values.
 */
export interface VendorTarget {
  vendor: VendorName;
  mode: 'sandbox' | 'live';
  /** The sandbox scenario, or null when live. */
  scenario: string | null;
  /** No credentials in it, ever: they travel in headers. */
  baseUrl: string;
  /** True for a vendor's production host or key: only GET requests are allowed there. */
  production: boolean;
  credentials: { valid: string | null; limited: string | null };
  /** Named ids (ledgerAccountId, organizationId, ...); null when not configured: cases needing it are skipped. */
  fixtures: Record<string, string | null>;
  /** Sent with every request, e.g. Whop's Api-Version-Date. */
  headers: Record<string, string>;
  /** The vendor's OpenAPI documents, newest first for each operation. */
  specs: string[];
}

/** What conform knows about a vendor: its documents, its auth scheme and how it is configured. */
export interface VendorDefinition {
  name: VendorName;
  specs: readonly string[];
  /** The headers that carry a credential for this vendor. */
  authHeaders(credential: string): Record<string, string>;
  /** A credential of the right shape that the vendor cannot know: for the invalid-credentials case. */
  invalidCredential: string;
  /** The live target when the environment configures one, else null (run against the sandbox). */
  liveTarget(env: Env): Omit<VendorTarget, 'vendor' | 'specs' | 'scenario'> | null;
  /** Which of the embedded sandbox's credentials play the valid and the limited key. */
  sandboxCredentials: { valid: string; limited: string | null };
  /** Variables of this vendor, for the docs and the config check: name -> meaning. */
  variables: Record<string, string>;
  /**
   * Body places (JSON pointers, `*` for any one segment) whose values are never a person's data though
   * the document leaves them free text (ids, codes): reports show them. Everything else follows the
   * document (see docs/privacy.md).
   */
  nonPersonal?: readonly string[];
}

export type Env = Readonly<Record<string, string | undefined>>;
