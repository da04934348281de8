import type { ResponseCheck } from '../check.ts';
import { balanceInvariant } from './balance-invariant.ts';

/** The money checks of one body (docs/money.md): run on every response, they cost nothing on a body no rule reaches. */
export const SEMANTIC_CHECKS: readonly ResponseCheck[] = [balanceInvariant];
