// What a run produced, shared by every stage after it (run, contracts, report, cli): nothing here imports them.
export type { CaseOutcome, CaseResult, DerivedResponse, JudgedOutcome } from './case-result.ts';
export { EXIT, type ExitCode } from './exit-codes.ts';
export { statusMeets, type ExpectedStatus } from './expected-status.ts';
export { notChecked, notCheckedFinding, notCheckedReason, unavailableAnswer } from './unchecked.ts';
