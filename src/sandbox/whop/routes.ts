import { alphanumerics, labelSequence } from '../ids.ts';
import type { ErrorDrift } from '../scenario.ts';
import { header, matchRoute, type Reply, type SandboxRequest, type VendorApp } from '../server.ts';
import { createWhopStore, WHOP_KEY_SCOPES, type LedgerAccount, type WhopStore } from './data.ts';
import { whopErrors } from './errors.ts';

export interface WhopDrift extends ErrorDrift {
  /** Reshapes a ledger account's success body. */
  ledgerAccount?: (account: LedgerAccount) => unknown;
}

const LEDGER_ACCOUNT_ROUTE = /^\/api\/v1\/ledger_accounts\/([^/]+)$/;
const LEDGER_ACCOUNT_LOOKUP_ID = /^(ldgr|user|biz)_[A-Za-z0-9]+$/;
const REQUIRED_SCOPES = ['company:balance:read', 'payout:account:read'];

export function createWhopApp(drift: WhopDrift): VendorApp {
  const store = createWhopStore();
  const nextRequestLabel = labelSequence('whop/request');
  return {
    requestIdHeader: 'x-request-id',
    requestId: () => `req_${alphanumerics(nextRequestLabel(), 14)}`,
    rateLimitKey: (request) => header(request, 'authorization') ?? request.client,
    tooManyRequests: whopErrors.tooManyRequests,
    internalError: whopErrors.internal,
    errorStyle: drift.errorStyle ?? 'json',
    handle: (request) => retrieveLedgerAccount(request, store, drift),
  };
}

function retrieveLedgerAccount(request: SandboxRequest, store: WhopStore, drift: WhopDrift): Reply {
  const [id] = matchRoute(LEDGER_ACCOUNT_ROUTE, request.path) ?? [];
  if (id === undefined) return whopErrors.notFound();
  if (request.method !== 'GET') return { ...whopErrors.methodNotAllowed(), headers: { Allow: 'GET' } };
  const scopes = scopesOf(request);
  if (!scopes) return whopErrors.unauthorized();
  if (!REQUIRED_SCOPES.every((scope) => scopes.includes(scope))) return whopErrors.forbidden();
  if (!LEDGER_ACCOUNT_LOOKUP_ID.test(id)) return whopErrors.invalidId();
  const account = store.findLedgerAccount(id);
  if (!account) return drift.unknownId ? drift.unknownId(whopErrors.notFound()) : whopErrors.notFound();
  return { status: 200, body: drift.ledgerAccount ? drift.ledgerAccount(account) : account };
}

/** The scopes of the bearer key sent, or undefined when no key or an unknown key is sent. */
function scopesOf(request: SandboxRequest): readonly string[] | undefined {
  const key = /^Bearer\s+(\S+)$/i.exec(header(request, 'authorization') ?? '')?.[1];
  return key === undefined ? undefined : WHOP_KEY_SCOPES.get(key);
}
