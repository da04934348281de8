import { hexDigits, labelSequence } from '../ids.ts';
import type { ErrorDrift } from '../scenario.ts';
import { header, matchRoute, type Reply, type SandboxRequest, type VendorApp } from '../server.ts';
import { createXenditStore, XENDIT_CREDENTIALS, type XenditAccount, type XenditStore } from './data.ts';
import { xenditErrors } from './errors.ts';

export interface XenditDrift extends ErrorDrift {
  /** Reshapes an account's success body. */
  account?: (account: XenditAccount) => unknown;
}

const ACCOUNT_ROUTE = /^\/v2\/accounts\/([^/]+)$/;
const ACCOUNT_ID = /^[0-9a-f]{24}$/i;

export function createXenditApp(drift: XenditDrift): VendorApp {
  const store = createXenditStore();
  const nextRequestLabel = labelSequence('xendit/request');
  return {
    requestIdHeader: 'request-id',
    requestId: () => hexDigits(nextRequestLabel(), 24),
    rateLimitKey: (request) => header(request, 'authorization') ?? request.client,
    tooManyRequests: xenditErrors.tooManyRequests,
    internalError: xenditErrors.internal,
    errorStyle: drift.errorStyle ?? 'json',
    handle: (request) => getAccount(request, store, drift),
  };
}

function getAccount(request: SandboxRequest, store: XenditStore, drift: XenditDrift): Reply {
  const [id] = matchRoute(ACCOUNT_ROUTE, request.path) ?? [];
  if (id === undefined) return xenditErrors.routeNotFound();
  if (request.method !== 'GET') return { ...xenditErrors.methodNotAllowed(), headers: { Allow: 'GET' } };
  if (!sentSecretKey(request)) return xenditErrors.invalidApiKey();
  if (!ACCOUNT_ID.test(id)) return xenditErrors.invalidId();
  const account = store.findAccount(id);
  if (!account) return drift.unknownId ? drift.unknownId(xenditErrors.accountNotFound()) : xenditErrors.accountNotFound();
  return { status: 200, body: drift.account ? drift.account(account) : account };
}

/** HTTP Basic with the secret key as the user name; Xendit documents an empty password and ignores it. */
function sentSecretKey(request: SandboxRequest): boolean {
  const encoded = /^Basic\s+(\S+)$/i.exec(header(request, 'authorization') ?? '')?.[1];
  if (encoded === undefined) return false;
  const userName = Buffer.from(encoded, 'base64').toString('utf8').split(':')[0];
  return userName === XENDIT_CREDENTIALS.secretKey;
}
