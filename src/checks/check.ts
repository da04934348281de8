import type { Check } from '../findings/index.ts';
import type { FindingFacts } from '../findings/index.ts';
import type { CheckContext } from './context.ts';

/**
 * What a check reports: the facts of a finding, less what every finding of the response shares.
 * `more`: how many further facts of the same ID the check counted without spelling them out, where
 * spelling them out would cost more than the cap lets through (see cap.ts).
 */
export type CheckFacts = Omit<FindingFacts, 'vendor' | 'operation' | 'status'> & { more?: number };

/** One response check: a pure function from a response's context to facts (the shape every producer has). */
export type ResponseCheck = Check<CheckContext, CheckFacts>;

/** What a check returns when the response is fine (most of the time): shared, so nothing is allocated. */
export const NO_FACTS: readonly CheckFacts[] = Object.freeze([]);
