import { unavailableAnswer, type CaseResult } from '../../results/index.ts';

type Answered = CaseResult & { response: NonNullable<CaseResult['response']> };

/**
 * Whether a case's answer is the vendor's API speaking, fit to shape a baseline: a whole body, with a
 * status that is not transport-class (timeout, rate limit, server or gateway error) unless the case
 * asked for it. Skipped cases and transport errors have no answer at all. A 429 recorded as the
 * expected status of "insufficient scope" would turn the next honest 403 into drift.
 */
export function isVerifiedAnswer(result: CaseResult): result is Answered {
  const { response } = result;
  if (!response || response.truncated) return false;
  return unavailableAnswer(result) === null;
}

/** Whether any of the vendor's cases answered verifiably: a run where none did shapes no baseline. */
export function hasVerifiedAnswers(results: readonly CaseResult[], vendor: string): boolean {
  return results.some((result) => result.vendor === vendor && isVerifiedAnswer(result));
}
