import type { VendorMoney } from '../checks/index.ts';
import type { AuthScheme as HttpAuthScheme } from '../http/index.ts';
import type { ExpectedStatus } from '../results/index.ts';

/** A vendor's name: the name of its file, vendors/NAME.yaml. The set is open. */
export type VendorName = string;

/** Which credential a case sends. */
export type CredentialUse = 'valid' | 'none' | 'invalid' | 'limited';

/**
 * How a credential is sent: the document's securitySchemes entry (or the vendor file's, for a document
 * that declares none) under its name. Plain data: it travels to the suite workers with the target.
 */
export type AuthScheme = HttpAuthScheme & { name: string };

/** A path parameter taken from the target's fixtures (so it is skipped when the fixture is not configured). */
export interface FixtureRef {
  fixture: string;
}

/**
 * One case: a request a client can make, and the status the vendor documents for it. The URL is
 * built from the operation's own path template, so a case cannot call a path its operation does not own.
 */
export interface SuiteCase {
  /** Unique within the vendor; reports, contracts and waivers name the case by it. */
  name: string;
  /** "GET /ledger_accounts/{id}", as in the vendor's document. */
  operation: string;
  params: Record<string, string | FixtureRef>;
  /** Query parameters sent with the request (a derived case's required ones); none by default. */
  query?: Record<string, string | FixtureRef>;
  /** Default 'valid'. Cases sending none or invalid credentials are skipped for a vendor run without any. */
  credential?: CredentialUse;
  expectStatus: ExpectedStatus;
  /** What must exist on the provider for the case, e.g. "ledger account {id} exists" ({param} is filled in). */
  providerState?: string;
}

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
  /** Sent with every request, e.g. an API version header. */
  headers: Record<string, string>;
  /** The vendor's OpenAPI documents, newest first for each operation. */
  specs: string[];
  /** How credentials are sent. */
  auth: AuthScheme;
  /** A credential of the right shape that the vendor cannot know: for the invalid-credentials case. */
  invalidCredential: string;
  /** Body places never a person's data (see VendorDefinition.nonPersonal). */
  nonPersonal: string[];
  /** Fixture name -> the variable that configures it live, for the reason a case is skipped. */
  fixtureVariables: Record<string, string>;
  /** The vendor file's explicit cases. */
  cases: SuiteCase[];
  /** The live vendor's limits, kept on conform's side (none against a sandbox). */
  limits: VendorLimits;
  /** The vendor file's money rules (docs/money.md); recognised rules come from the documents. */
  money: VendorMoney;
}

/** Most requests in flight, and most started per second; null: no limit of the vendor's own. */
export interface VendorLimits {
  concurrency: number | null;
  rateLimit: number | null;
}

export const NO_LIMITS: VendorLimits = { concurrency: null, rateLimit: null };

/** What conform knows about a vendor, from its file: its documents, auth, variables and guard. */
export interface VendorDefinition {
  name: VendorName;
  /** The vendor file, as named in messages (relative to the working directory). */
  file: string;
  specs: readonly string[];
  /** Where the vendor publishes its document (`conform specs refresh`); null when the file names none. */
  upstream: VendorUpstream | null;
  auth: AuthScheme;
  invalidCredential: string;
  /** Which of the embedded sandbox's credentials play the valid and the limited key. */
  sandboxCredentials: { valid: string | null; limited: string | null };
  /** Variables of this vendor, for the docs and the config check: name -> meaning. */
  variables: Record<string, string>;
  /**
   * Body places (JSON pointers, `*` for any one segment) whose values are never a person's data though
   * the document leaves them free text (ids, codes): reports show them. Everything else follows the
   * document (see docs/privacy.md).
   */
  nonPersonal: readonly string[];
  cases: readonly SuiteCase[];
  /** Fixture name -> the document parameter it fills. */
  fixtureParameters: Readonly<Record<string, string>>;
  /** Fixture name -> the variable that configures it live. */
  fixtureVariables: Readonly<Record<string, string>>;
  /** Which operations conform exercises; null: all. */
  operations: { include: readonly string[] | null; exclude: readonly string[] };
  /** The variable whose being set runs the vendor live. */
  liveWhen: string;
  /** The live vendor's concurrency and rate limit, from the file's `live:`. */
  liveLimits: VendorLimits;
  /** The file's `money:` rules, checked against its documents when loaded (docs/money.md). */
  money: VendorMoney;
  /** The file's production guard: hosts and credential prefixes refused unless CONFORM_ALLOW_PRODUCTION=1. */
  production: { hosts: readonly string[]; credentialPrefixes: readonly string[] };
  /** The live target when the environment configures one, else null (run against the sandbox). */
  liveTarget(env: Env): LiveTarget | null;
}

/** Where a vendor publishes its document: an OpenAPI file, or a documentation page as `conform specs import` reads. */
export interface VendorUpstream {
  url: string;
  format: 'openapi' | 'page';
}

export type LiveTarget = Pick<VendorTarget, 'baseUrl' | 'production' | 'credentials' | 'fixtures' | 'headers'> & { mode: 'live' };

export type Env = Readonly<Record<string, string | undefined>>;
