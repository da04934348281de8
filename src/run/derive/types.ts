import type { LoadedSpec } from '../../spec/index.ts';
import type { FixtureRef, SuiteCase } from '../case.ts';
import type { ExpectedStatus } from '../../results/index.ts';

export interface DeriveInput {
  /** The vendor's documents, newest first: an operation is derived from the first document that has it. */
  specs: readonly LoadedSpec[];
  /** Named values keyed by parameter name (`organization_id`, `address`); null when not configured. */
  fixtures: Readonly<Record<string, string | null>>;
  /**
   * The vendor file names a security scheme: every operation is held to it, even one whose document
   * declares no security (Midaz 3.7.0). Without it, an operation is held to what its document declares.
   */
  securityNamed: boolean;
  /** A limited credential is configured: each operation that needs credentials gets an insufficient-scope case. */
  limitedCredential: boolean;
  /** Operation keys ("GET /accounts/{id}"); when given, only these are derived. */
  include?: readonly string[];
  /** Operation keys never derived. */
  exclude?: readonly string[];
  /** Derive cases for methods other than GET and HEAD too (`--allow-unsafe`). Default false. */
  allowUnsafe?: boolean;
}

/**
 * A case derived from the document. As a SuiteCase, except that it may expect a status class (the
 * document says only `2XX`, `4XX` or `default`) and carries the required query parameters.
 */
export interface DerivedCase extends Omit<SuiteCase, 'expectStatus'> {
  expectStatus: ExpectedStatus;
  /** Required query parameters by name, sent as the query string; empty when the operation requires none. */
  query: Record<string, string | FixtureRef>;
}

export type CoverageState = 'exercised' | 'not-reachable' | 'excluded' | 'unsafe';

/** What became of one operation of the document: every operation has one entry, none is dropped silently. */
export interface CoverageEntry {
  /** "GET /accounts/{id}". */
  operation: string;
  state: CoverageState;
  /** Why the operation is not exercised; null when it is. */
  reason: string | null;
  /** The fixtures it needs that are not configured (state not-reachable). */
  missingFixtures: string[];
  /** The names of its derived cases, in order. */
  cases: string[];
  /** The kinds of case not derived for it, each with why: "malformed id: the parameter accepts any string". */
  notDerived: string[];
}

export interface DerivedSuite {
  cases: DerivedCase[];
  coverage: CoverageEntry[];
}
