import { labelSequence, uuidV7 } from '../ids.ts';
import type { ErrorDrift } from '../scenario.ts';
import { header, matchRoute, type Reply, type SandboxRequest, type VendorApp } from '../server.ts';
import { balanceBody, type BalanceBody } from './balance-body.ts';
import { createMidazStore, MIDAZ_CREDENTIALS, type MidazAccount, type MidazStore } from './data.ts';
import { midazErrors } from './errors.ts';

export interface MidazDrift extends ErrorDrift {
  /** Reshapes an account's success body. */
  account?: (account: MidazAccount) => unknown;
  /** Reshapes a balance's success body (position already computed). */
  balance?: (balance: BalanceBody) => unknown;
}

export interface MidazAppOptions {
  /** Imitates an environment with Access Manager enabled: a bearer token is then required. */
  auth: boolean;
}

const ACCOUNT_ROUTE = /^\/v1\/organizations\/([^/]+)\/ledgers\/([^/]+)\/accounts\/([^/]+)(\/balances)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createMidazApp(drift: MidazDrift, options: MidazAppOptions): VendorApp {
  const store = createMidazStore();
  const nextRequestLabel = labelSequence('midaz/request');
  return {
    requestIdHeader: 'X-Request-Id',
    // Midaz traces a request by the id its client sent, and mints one only when none was sent.
    requestId: (request) => header(request, 'x-request-id') ?? uuidV7(nextRequestLabel(), Date.now()),
    rateLimitKey: (request) => header(request, 'authorization') ?? request.client,
    tooManyRequests: midazErrors.tooManyRequests,
    internalError: midazErrors.internal,
    errorStyle: drift.errorStyle ?? 'json',
    handle: (request) => retrieveAccountOrBalance(request, store, drift, options),
  };
}

function retrieveAccountOrBalance(request: SandboxRequest, store: MidazStore, drift: MidazDrift, options: MidazAppOptions): Reply {
  const [organizationId = '', ledgerId = '', accountId = '', balancesSuffix = ''] = matchRoute(ACCOUNT_ROUTE, request.path) ?? [];
  if (!accountId) return midazErrors.routeNotFound();
  if (request.method !== 'GET') return { ...midazErrors.methodNotAllowed(), headers: { Allow: 'GET' } };
  const refused = options.auth ? checkToken(request) : undefined;
  if (refused) return refused;
  const malformed = Object.entries({ organization_id: organizationId, ledger_id: ledgerId, account_id: accountId }).find(
    ([, value]) => !UUID.test(value),
  );
  if (malformed) return midazErrors.invalidPathParameter(malformed[0]);
  const notFound = (documented: Reply) => (drift.unknownId ? drift.unknownId(documented) : documented);
  if (!store.hasOrganization(organizationId)) return notFound(midazErrors.organizationNotFound());
  if (!store.hasLedger(organizationId, ledgerId)) return notFound(midazErrors.ledgerNotFound());
  if (balancesSuffix) {
    const balance = store.findBalance(organizationId, ledgerId, accountId);
    if (!balance) return notFound(midazErrors.entityNotFound());
    const body = balanceBody(balance);
    return { status: 200, body: drift.balance ? drift.balance(body) : body };
  }
  const account = store.findAccount(organizationId, ledgerId, accountId);
  if (!account) return notFound(midazErrors.entityNotFound());
  return { status: 200, body: drift.account ? drift.account(account) : account };
}

function checkToken(request: SandboxRequest): Reply | undefined {
  const authorization = header(request, 'authorization');
  if (!authorization) return midazErrors.tokenMissing();
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  return token === MIDAZ_CREDENTIALS.token ? undefined : midazErrors.invalidToken();
}
