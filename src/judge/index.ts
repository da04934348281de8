export { judgeVendor, withSeverity, type JudgeInputs, type Judgement, type VendorFacts } from './judge.ts';
export { loadPolicy, type JudgementPolicy } from './policy.ts';
export { countBySeverity, inconclusiveThresholdFrom, isVerdictProblem, runExitCode, verdictFor, verdictProblems, type VendorVerdict } from './verdict.ts';
export { baselineFile, baselinesDirFrom, buildBaseline, hasVerifiedAnswers, readBaseline, writeBaseline, type Baseline } from './baseline/index.ts';
export { applyWaivers, describeWaiver, loadWaivers, waiversFileFrom, waiversFor, type Waiver } from './waivers/index.ts';
export type { CaseFinding, FindingState, JudgedCase, JudgedDefect, JudgedFinding, ResolvedFinding, SeverityCounts, Verdict } from './types.ts';
export { firstSeenOf, recordSightings, sightingOf, type FirstSighting, type SeenLedger, type Sighting } from './first-seen.ts';
export { readSeenLedger, seenLedgerFile, writeSeenLedger } from './first-seen-store.ts';
export { gradeWithWire, readWireBaseline, wirePointers, type WirePointer } from './wire/index.ts';
