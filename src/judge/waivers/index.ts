export { applyWaivers, describeWaiver, waiversFor, type WaiverOutcome } from './apply.ts';
export { loadWaivers, waiversFileFrom, WaiversFileError } from './load.ts';
export type { Waiver, WaiverTerms } from './types.ts';
