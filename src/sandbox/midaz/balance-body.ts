import { subtractDecimals } from '../decimal.ts';
import { createMidazStore, MIDAZ_FIXTURES, type MidazBalance } from './data.ts';

export interface BalancePosition {
  available: string;
  onHold: string;
  /** Omitted when the overdraft is unlimited. */
  overdraftLimitAvailable?: string;
}

export type BalanceBody = MidazBalance & { position: BalancePosition };

/** The position is never stored: like Midaz, it is derived from the balance on every read. */
export function positionOf(balance: MidazBalance): BalancePosition {
  const position = { available: subtractDecimals(balance.available, balance.overdraftUsed), onHold: balance.onHold };
  const { allowOverdraft, overdraftLimitEnabled, overdraftLimit } = balance.settings;
  if (allowOverdraft && !overdraftLimitEnabled) return position;
  const overdraftLimitAvailable = allowOverdraft ? subtractDecimals(overdraftLimit ?? '0', balance.overdraftUsed) : '0';
  return { ...position, overdraftLimitAvailable };
}

/** GetBalanceResponse in the documented order: the position sits between settings and createdAt. */
export function balanceBody(balance: MidazBalance): BalanceBody {
  const { createdAt, updatedAt, deletedAt, metadata, ...stored } = balance;
  return { ...stored, position: positionOf(balance), createdAt, updatedAt, deletedAt, metadata };
}

/** The balance body a fresh sandbox answers for one of the fixture ledger's accounts. */
export function seededBalanceBody(accountId: string): BalanceBody {
  const balance = createMidazStore().findBalance(MIDAZ_FIXTURES.organizationId, MIDAZ_FIXTURES.ledgerId, accountId);
  if (!balance) throw new Error(`Midaz sandbox account ${accountId} has no balance`);
  return balanceBody(balance);
}
