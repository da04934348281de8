// The package's public API (`import { loadSpec, checkResponse, audit, diffSpecs } from 'conform'`): docs/api.md
// lists every export, and a change to any of them is a semver change. Everything else in dist/ is internal.
export { loadSpec, type LoadSpecOptions, type Spec } from './spec.ts';
export { checkResponse, operationKey, UnknownOperationError, type CheckedFinding, type CheckOptions, type CheckResult } from './check.ts';
export { MAX_BODY_BYTES, type FetchResponseLike, type PlainResponse, type ResponseLike, type UndiciResponseLike } from './response.ts';
export { audit, type AuditOptions, type AuditResult } from './audit.ts';
export { diffSpecs } from './diff.ts';
export { SpecLoadError } from '../spec/index.ts';
export { ConfigError, VendorFileError } from '../vendors/index.ts';
export type { Finding, FindingId, Severity, SeverityOverrides } from '../findings/index.ts';
export type { AuditReport } from '../report/index.ts';
export type { SpecChange, SpecDiff } from '../spec/index.ts';
