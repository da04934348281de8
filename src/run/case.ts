import type { CredentialUse } from '../vendors/index.ts';

/** A path parameter taken from the target's fixtures (so it is skipped when the fixture is not configured). */
export interface FixtureRef {
  fixture: string;
}

export function fixture(name: string): FixtureRef {
  return { fixture: name };
}

/**
 * One suite case: a request a client can make, and the status the vendor documents for it. The URL is
 * built from the operation's own path template, so a case cannot call a path its operation does not own.
 */
export interface SuiteCase {
  /** Unique within the vendor; reports, contracts and waivers name the case by it. */
  name: string;
  /** "GET /ledger_accounts/{id}", as in the vendor's document. */
  operation: string;
  params: Record<string, string | FixtureRef>;
  /** Default 'valid'. Cases sending none or invalid credentials are skipped for a vendor run without any. */
  credential?: CredentialUse;
  expectStatus: number;
  /** What must exist on the provider for the case, e.g. "ledger account {id} exists" ({param} is filled in). */
  providerState?: string;
}

export function isFixtureRef(value: string | FixtureRef): value is FixtureRef {
  return typeof value === 'object';
}
