/**
 * Cases derived from a vendor's documents (issue 11 §2): for each safe operation the fixtures reach,
 * success, unknown and malformed resource, and missing, invalid and insufficient credentials; and a
 * coverage entry for every operation, exercised or why not.
 */
export { deriveCases } from './derive.ts';
export { withDerivedCases, type MissingFixture, type OperationCoverage, type RunnableTarget } from './targets.ts';
export type { CoverageEntry, CoverageState, DerivedCase, DerivedSuite, DeriveInput } from './types.ts';
export type { ExpectedStatus } from '../../results/index.ts';
