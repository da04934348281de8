import { alphanumerics, uuidV7 } from '../ids.ts';

// Types mirror the documented bodies in the documented order: CreateAccountResponse (with status as the
// rendered page shows it, an object) and GetBalanceResponse without its computed position.

export interface MidazAccount {
  id: string;
  organizationId: string;
  ledgerId: string;
  assetCode: string;
  name: string;
  alias: string;
  type: string;
  blocked: boolean;
  parentAccountId: string | null;
  entityId: string | null;
  portfolioId: string | null;
  segmentId: string | null;
  status: { code: string; description: string };
  metadata: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface BalanceSettings {
  allowOverdraft: boolean;
  overdraftLimitEnabled: boolean;
  /** Present only when the overdraft is limited. */
  overdraftLimit?: string;
  balanceScope: 'transactional' | 'internal';
}

export interface MidazBalance {
  id: string;
  organizationId: string;
  ledgerId: string;
  accountId: string;
  alias: string;
  key: string;
  assetCode: string;
  available: string;
  onHold: string;
  version: number;
  accountType: string;
  allowSending: boolean;
  allowReceiving: boolean;
  direction: 'credit' | 'debit';
  overdraftUsed: string;
  settings: BalanceSettings;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  metadata: Record<string, string>;
}

/** A UUIDv7 whose embedded time is the record's creation time, as Midaz's are. */
function idCreatedAt(label: string, createdAt: string): string {
  return uuidV7(`midaz/${label}`, Date.parse(createdAt));
}

const organizationId = idCreatedAt('organization/lerian-demo', '2026-02-25T21:00:12.481223Z');
const operationsLedgerId = idCreatedAt('ledger/operations', '2026-02-25T21:01:03.117842Z');
const treasuryLedgerId = idCreatedAt('ledger/treasury', '2026-02-25T21:01:09.930215Z');
const retailPortfolioId = idCreatedAt('portfolio/retail', '2026-02-25T21:02:44.302118Z');
const retailSegmentId = idCreatedAt('segment/retail-br', '2026-02-25T21:03:10.551904Z');
const customerAccountId = idCreatedAt('account/customer-brl-1', '2026-02-25T21:06:37.197596Z');
const savingsAccountId = idCreatedAt('account/customer-brl-1-savings', '2026-02-26T09:14:02.004517Z');

interface AccountSeed {
  account: MidazAccount;
  balance: Omit<MidazBalance, 'id' | 'organizationId' | 'ledgerId' | 'accountId' | 'alias' | 'assetCode' | 'accountType' | 'key' | 'deletedAt'>;
}

/** The default balance of an account repeats the account's identity; only its amounts and settings vary. */
function withDefaultBalance({ account, balance }: AccountSeed): [MidazAccount, MidazBalance] {
  return [
    account,
    {
      id: idCreatedAt(`balance/${account.alias}/default`, balance.createdAt),
      organizationId: account.organizationId,
      ledgerId: account.ledgerId,
      accountId: account.id,
      alias: account.alias,
      key: 'default',
      assetCode: account.assetCode,
      available: balance.available,
      onHold: balance.onHold,
      version: balance.version,
      accountType: account.type,
      allowSending: balance.allowSending,
      allowReceiving: balance.allowReceiving,
      direction: balance.direction,
      overdraftUsed: balance.overdraftUsed,
      settings: balance.settings,
      createdAt: balance.createdAt,
      updatedAt: balance.updatedAt,
      deletedAt: null,
      metadata: balance.metadata,
    },
  ];
}

function seedAccounts(): AccountSeed[] {
  return [
    {
      account: {
        id: customerAccountId,
        organizationId,
        ledgerId: operationsLedgerId,
        assetCode: 'BRL',
        name: 'Customer BRL 1',
        alias: 'customer-brl-1',
        type: 'deposit',
        blocked: false,
        parentAccountId: null,
        entityId: 'customer-000481',
        portfolioId: retailPortfolioId,
        segmentId: retailSegmentId,
        status: { code: 'ACTIVE', description: 'Customer wallet in good standing' },
        metadata: { costCenter: 'BR_11101997', channel: 'mobile' },
        createdAt: '2026-02-25T21:06:37.197596Z',
        updatedAt: '2026-02-25T21:06:38.420934Z',
        deletedAt: null,
      },
      // Overdrawn, with a hold pending: every position rule has a non-trivial figure to compute.
      balance: {
        available: '0',
        onHold: '89.90',
        version: 14,
        allowSending: true,
        allowReceiving: true,
        direction: 'credit',
        overdraftUsed: '1250.75',
        settings: { allowOverdraft: true, overdraftLimitEnabled: true, overdraftLimit: '5000.00', balanceScope: 'transactional' },
        createdAt: '2026-02-25T21:06:37.197596Z',
        updatedAt: '2026-03-03T11:27:05.318844Z',
        metadata: {},
      },
    },
    {
      account: {
        id: savingsAccountId,
        organizationId,
        ledgerId: operationsLedgerId,
        assetCode: 'BRL',
        name: 'Customer BRL 1 Savings',
        alias: 'customer-brl-1-savings',
        type: 'savings',
        blocked: false,
        parentAccountId: customerAccountId,
        entityId: 'customer-000481',
        portfolioId: retailPortfolioId,
        segmentId: null,
        status: { code: 'ACTIVE', description: 'Savings pocket' },
        metadata: { product: 'pocket' },
        createdAt: '2026-02-26T09:14:02.004517Z',
        updatedAt: '2026-03-02T16:40:51.882310Z',
        deletedAt: null,
      },
      balance: {
        available: '0',
        onHold: '120.00',
        version: 7,
        allowSending: true,
        allowReceiving: true,
        direction: 'credit',
        overdraftUsed: '250.50',
        settings: { allowOverdraft: true, overdraftLimitEnabled: true, overdraftLimit: '1000.00', balanceScope: 'transactional' },
        createdAt: '2026-02-26T09:14:02.004517Z',
        updatedAt: '2026-03-02T16:40:51.882310Z',
        metadata: {},
      },
    },
    {
      account: {
        id: idCreatedAt('account/external-brl', '2026-02-25T21:05:00.000118Z'),
        organizationId,
        ledgerId: operationsLedgerId,
        assetCode: 'BRL',
        name: 'External BRL',
        alias: '@external/BRL',
        type: 'external',
        blocked: false,
        parentAccountId: null,
        entityId: null,
        portfolioId: null,
        segmentId: null,
        status: { code: 'ACTIVE', description: 'Source and destination of funds outside the ledger' },
        metadata: {},
        createdAt: '2026-02-25T21:05:00.000118Z',
        updatedAt: '2026-03-02T16:40:51.882310Z',
        deletedAt: null,
      },
      balance: {
        available: '0',
        onHold: '0',
        version: 42,
        allowSending: true,
        allowReceiving: true,
        direction: 'debit',
        overdraftUsed: '18250.00',
        settings: { allowOverdraft: true, overdraftLimitEnabled: false, balanceScope: 'transactional' },
        createdAt: '2026-02-25T21:05:00.000118Z',
        updatedAt: '2026-03-02T16:40:51.882310Z',
        metadata: {},
      },
    },
    {
      account: {
        id: idCreatedAt('account/treasury-usd-frozen', '2026-02-27T13:22:18.774002Z'),
        organizationId,
        ledgerId: treasuryLedgerId,
        assetCode: 'USD',
        name: 'Treasury USD (frozen)',
        alias: 'treasury-usd-frozen',
        type: 'treasury',
        blocked: true,
        parentAccountId: null,
        entityId: 'lerian-demo-treasury',
        portfolioId: null,
        segmentId: null,
        status: { code: 'BLOCKED', description: 'Frozen pending compliance review' },
        metadata: { reviewTicket: 'CMP-2291' },
        createdAt: '2026-02-27T13:22:18.774002Z',
        updatedAt: '2026-02-28T08:03:41.120954Z',
        deletedAt: null,
      },
      balance: {
        available: '72000.00',
        onHold: '0',
        version: 3,
        allowSending: false,
        allowReceiving: true,
        direction: 'credit',
        overdraftUsed: '0',
        settings: { allowOverdraft: false, overdraftLimitEnabled: false, balanceScope: 'transactional' },
        createdAt: '2026-02-27T13:22:18.774002Z',
        updatedAt: '2026-02-28T08:03:41.120954Z',
        metadata: {},
      },
    },
  ];
}

export const MIDAZ_FIXTURES = { organizationId, ledgerId: operationsLedgerId, accountId: customerAccountId } as const;

/** The fixture account's savings pocket, in the same ledger: a drift answers its balance for the fixture's. */
export const MIDAZ_SAVINGS_ACCOUNT_ID = savingsAccountId;

/** The Access Manager token the sandbox accepts when auth is enabled; issued even when it is not. */
export const MIDAZ_CREDENTIALS = { token: `midaz_sandbox_${alphanumerics('midaz/token', 48)}` } as const;

export interface MidazStore {
  hasOrganization(organizationId: string): boolean;
  hasLedger(organizationId: string, ledgerId: string): boolean;
  findAccount(organizationId: string, ledgerId: string, accountId: string): MidazAccount | undefined;
  findBalance(organizationId: string, ledgerId: string, accountId: string): MidazBalance | undefined;
}

export function createMidazStore(): MidazStore {
  const ledgersByOrganization = new Map([[organizationId, new Set([operationsLedgerId, treasuryLedgerId])]]);
  const records = seedAccounts().map(withDefaultBalance);
  const find = (organization: string, ledger: string, accountId: string) =>
    records.find(([account]) => account.organizationId === organization && account.ledgerId === ledger && account.id === accountId);
  return {
    hasOrganization: (organization) => ledgersByOrganization.has(organization),
    hasLedger: (organization, ledger) => ledgersByOrganization.get(organization)?.has(ledger) ?? false,
    findAccount: (organization, ledger, accountId) => find(organization, ledger, accountId)?.[0],
    findBalance: (organization, ledger, accountId) => find(organization, ledger, accountId)?.[1],
  };
}
