import type { ResponseCheck } from '../check.ts';
import { amountPrecision } from './amount-precision.ts';
import { amountScale } from './amount-scale.ts';
import { balanceInvariant } from './balance-invariant.ts';
import { currencyCode } from './currency-code.ts';
import { idEcho } from './echo.ts';
import { timestampOrder } from './timestamp-order.ts';

/** The money checks of one body (docs/money.md): run on every response, they cost nothing on a body no rule reaches. */
export const SEMANTIC_CHECKS: readonly ResponseCheck[] = [amountPrecision, amountScale, currencyCode, balanceInvariant, timestampOrder, idEcho];
