export { runCheck, type Check } from './check.ts';
export { EVIDENCE_LIMIT, displayFinding, excerpt, fingerprint, makeFinding, messageOf, normaliseIndices, type Finding, type FindingFacts } from './finding.ts';
export { FINDING_KINDS, isFindingId, type FindingCategory, type FindingId, type Severity } from './registry.ts';
export { severityOf, type SeverityOverrides } from './severity.ts';
