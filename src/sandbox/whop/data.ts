import { alphanumerics, prefixedId } from '../ids.ts';

// Types mirror the documented LedgerAccount body, field for field and in the documented order,
// so a stored record is also its faithful JSON answer.

export interface WhopBalance {
  balance: number;
  currency: string;
  pending_balance: number;
  reserve_balance: number;
}

export interface WhopUser {
  typename: 'User';
  id: string;
  name: string | null;
  username: string;
}

export interface WhopCompany {
  typename: 'Company';
  id: string;
  route: string;
  title: string;
}

export interface PayoutAccountDetails {
  id: string;
  status: 'connected' | 'disabled' | 'action_required' | 'pending_verification' | 'verification_failed' | 'not_started' | null;
  business_name: string | null;
  phone: string | null;
  email: string | null;
  business_representative: {
    date_of_birth: string | null;
    first_name: string | null;
    middle_name: string | null;
    last_name: string | null;
  } | null;
  address: {
    line1: string | null;
    line2: string | null;
    city: string | null;
    postal_code: string | null;
    state: string | null;
    country: string | null;
  } | null;
  latest_verification: {
    id: string;
    status: string;
    last_error_code: string | null;
    last_error_reason: string | null;
  } | null;
}

export interface LedgerAccount {
  id: string;
  balances: WhopBalance[];
  transfer_fee: number | null;
  payout_account_details: PayoutAccountDetails | null;
  payments_approval_status: 'pending' | 'approved' | 'monitoring' | 'rejected' | null;
  ledger_type: 'primary' | 'pool';
  owner: WhopUser | WhopCompany;
}

const pickaxe: WhopCompany = { typename: 'Company', id: prefixedId('biz', 'pickaxe'), route: 'pickaxe', title: 'Pickaxe' };
const northwind: WhopCompany = {
  typename: 'Company',
  id: prefixedId('biz', 'northwind-studio'),
  route: 'northwind-studio',
  title: 'Northwind Studio',
};
const ada: WhopUser = { typename: 'User', id: prefixedId('user', 'ada'), name: 'Ada Lovelace', username: 'adalovelace' };
const quietFox: WhopUser = { typename: 'User', id: prefixedId('user', 'quietfox'), name: null, username: 'quietfox42' };

function seedLedgerAccounts(): LedgerAccount[] {
  return [
    {
      id: prefixedId('ldgr', 'pickaxe'),
      balances: [
        { balance: 1520.75, currency: 'usd', pending_balance: 310.2, reserve_balance: 50 },
        { balance: 820.4, currency: 'eur', pending_balance: 0, reserve_balance: 0 },
        { balance: 99.99, currency: 'gbp', pending_balance: 12.5, reserve_balance: 0 },
      ],
      transfer_fee: 2.5,
      payout_account_details: {
        id: prefixedId('poact', 'pickaxe'),
        status: 'connected',
        business_name: 'Pickaxe Labs LLC',
        phone: '+14155550123',
        email: 'finance@pickaxe.example',
        business_representative: { date_of_birth: '1988-04-12', first_name: 'Maya', middle_name: null, last_name: 'Okafor' },
        address: {
          line1: '548 Market St',
          line2: 'Suite 300',
          city: 'San Francisco',
          postal_code: '94104',
          state: 'CA',
          country: 'US',
        },
        latest_verification: {
          id: prefixedId('verf', 'pickaxe'),
          status: 'approved',
          last_error_code: null,
          last_error_reason: null,
        },
      },
      payments_approval_status: 'approved',
      ledger_type: 'primary',
      owner: pickaxe,
    },
    {
      id: prefixedId('ldgr', 'northwind-studio'),
      balances: [
        { balance: 48250, currency: 'usd', pending_balance: 1200, reserve_balance: 2500 },
        { balance: 3100.55, currency: 'cad', pending_balance: 0, reserve_balance: 0 },
      ],
      transfer_fee: null,
      payout_account_details: null,
      payments_approval_status: 'monitoring',
      ledger_type: 'pool',
      owner: northwind,
    },
    {
      id: prefixedId('ldgr', 'ada'),
      balances: [{ balance: 42.1, currency: 'usd', pending_balance: 8, reserve_balance: 0 }],
      transfer_fee: 0.25,
      payout_account_details: {
        id: prefixedId('poact', 'ada'),
        status: 'action_required',
        business_name: null,
        phone: '+447700900123',
        email: 'ada@example.com',
        business_representative: { date_of_birth: '1990-12-10', first_name: 'Ada', middle_name: 'Augusta', last_name: 'Lovelace' },
        address: {
          line1: "12 St James's Square",
          line2: null,
          city: 'London',
          postal_code: 'SW1Y 4JH',
          state: null,
          country: 'GB',
        },
        latest_verification: {
          id: prefixedId('verf', 'ada'),
          status: 'resubmission_requested',
          last_error_code: 'document_expired',
          last_error_reason: 'The identity document has expired.',
        },
      },
      payments_approval_status: 'pending',
      ledger_type: 'primary',
      owner: ada,
    },
    {
      id: prefixedId('ldgr', 'quietfox'),
      balances: [],
      transfer_fee: null,
      payout_account_details: null,
      payments_approval_status: null,
      ledger_type: 'primary',
      owner: quietFox,
    },
  ];
}

export const WHOP_FIXTURES = {
  ledgerAccountId: prefixedId('ldgr', 'pickaxe'),
  companyId: northwind.id,
  userId: ada.id,
} as const;

export const WHOP_CREDENTIALS = {
  apiKey: `apik_${alphanumerics('whop/api-key', 40)}`,
  limitedApiKey: `apik_${alphanumerics('whop/limited-api-key', 40)}`,
} as const;

/** Scopes per key: the limited key lacks payout:account:read, which the endpoint requires. */
export const WHOP_KEY_SCOPES: ReadonlyMap<string, readonly string[]> = new Map([
  [WHOP_CREDENTIALS.apiKey, ['company:balance:read', 'payout:account:read']],
  [WHOP_CREDENTIALS.limitedApiKey, ['company:balance:read']],
]);

export interface WhopStore {
  /** Accepts a ledger account id, or the id of the user or company that owns the account. */
  findLedgerAccount(id: string): LedgerAccount | undefined;
}

export function createWhopStore(): WhopStore {
  const accounts = seedLedgerAccounts();
  return {
    findLedgerAccount: (id) => accounts.find((account) => account.id === id || account.owner.id === id),
  };
}
