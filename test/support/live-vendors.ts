import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './fixtures.ts';

/**
 * Stand-ins for the real vendors, deliberately NOT the sandbox module: the live path must work
 * against any server that speaks the vendor's API. Each records the requests it received.
 */
export interface LiveVendor {
  url: string;
  requests: Array<{ url: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, answer: (status: number, body: unknown) => void) => void;

async function serve(handler: Handler): Promise<LiveVendor> {
  const requests: LiveVendor['requests'] = [];
  const server: Server = createServer((request, response: ServerResponse) => {
    requests.push({ url: request.url ?? '', headers: request.headers });
    handler(request, (status, body) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export const LIVE = {
  whopKey: 'apik_live_test_key_9f8e7d6c5b4a',
  whopLimitedKey: 'apik_live_limited_key_1a2b3c4d',
  whopLedgerAccount: 'ldgr_LiveAccount0001',
  whopCompany: 'biz_LiveCompany0001',
  whopUser: 'user_LiveUser000001',
  midazToken: 'midaz-live-token-5e6f7a8b9c0d',
  midazOrganization: '01930000-0000-7000-8000-000000000001',
  midazLedger: '01930000-0000-7000-8000-000000000002',
  midazAccount: '01930000-0000-7000-8000-000000000003',
  xenditKey: 'xnd_development_livetestkey0123456789',
  xenditAccount: 'aaaaaaaaaaaaaaaaaaaaaaaa',
  xenditManaged: 'bbbbbbbbbbbbbbbbbbbbbbbb',
};

/** The variables that run Whop live against a stand-in at `url`, every fixture set. */
export function whopLiveEnv(url: string): Record<string, string> {
  return {
    WHOP_API_KEY: LIVE.whopKey,
    WHOP_BASE_URL: `${url}/api/v1`,
    WHOP_LEDGER_ACCOUNT_ID: LIVE.whopLedgerAccount,
    WHOP_COMPANY_ID: LIVE.whopCompany,
    WHOP_USER_ID: LIVE.whopUser,
    WHOP_API_KEY_LIMITED: LIVE.whopLimitedKey,
  };
}

const whopError = (type: string, message: string) => ({ error: { type, message, code: null, param: null } });

export function liveWhop(): Promise<LiveVendor> {
  return serve((request, answer) => {
    const match = /^\/api\/v1\/ledger_accounts\/([^/?]+)$/.exec(request.url ?? '');
    if (!match) return answer(404, whopError('not_found', 'Resource not found'));
    const auth = request.headers.authorization;
    if (auth === `Bearer ${LIVE.whopLimitedKey}`) return answer(403, whopError('forbidden', 'You do not have permission to access this resource'));
    if (auth !== `Bearer ${LIVE.whopKey}`) return answer(401, whopError('unauthorized', 'Invalid or missing API key'));
    const id = decodeURIComponent(match[1]!);
    if (!/^(ldgr|biz|user)_[A-Za-z0-9]+$/.test(id)) return answer(400, whopError('invalid_request_error', 'Invalid id'));
    if (![LIVE.whopLedgerAccount, LIVE.whopCompany, LIVE.whopUser].includes(id)) return answer(404, whopError('not_found', 'Resource not found'));
    answer(200, { ...(readBody('whop-ledger-account.json') as object), id: LIVE.whopLedgerAccount });
  });
}

const midazError = (code: string, title: string) => ({ code, title, message: `${title}.` });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function liveMidaz(): Promise<LiveVendor> {
  return serve((request, answer) => {
    const match = /^\/v1\/organizations\/([^/]+)\/ledgers\/([^/]+)\/accounts\/([^/]+)(\/balances)?$/.exec(request.url ?? '');
    if (!match) return answer(404, midazError('0007', 'Entity Not Found'));
    const auth = request.headers.authorization;
    if (!auth) return answer(401, midazError('0041', 'Token Missing'));
    if (auth !== `Bearer ${LIVE.midazToken}`) return answer(401, midazError('0042', 'Invalid Token'));
    const [, organization, ledger, account, balances] = match;
    if (![organization, ledger, account].every((id) => UUID.test(id!))) return answer(400, midazError('0065', 'Invalid Path Parameter'));
    if (organization !== LIVE.midazOrganization || ledger !== LIVE.midazLedger || account !== LIVE.midazAccount) return answer(404, midazError('0007', 'Entity Not Found'));
    // The resource asked for, as Midaz answers it: the ids in the body are the path's (conform checks they are).
    const ids = { organizationId: organization, ledgerId: ledger, ...(balances ? { accountId: account } : { id: account }) };
    answer(200, { ...(readBody(balances ? 'midaz-balance.json' : 'midaz-account.json') as object), ...ids });
  });
}

export function liveXendit(): Promise<LiveVendor> {
  const expected = `Basic ${Buffer.from(`${LIVE.xenditKey}:`).toString('base64')}`;
  return serve((request, answer) => {
    const match = /^\/v2\/accounts\/([^/]+)$/.exec(request.url ?? '');
    if (request.headers.authorization !== expected) return answer(401, { error_code: 'INVALID_API_KEY', message: 'API key is invalid' });
    const id = match?.[1];
    if (id === LIVE.xenditAccount) return answer(200, { ...(readBody('xendit-account.json') as object), id });
    if (id === LIVE.xenditManaged) return answer(200, { ...(readBody('xendit-account.json') as object), id, type: 'MANAGED' });
    answer(404, readBody('xendit-error-404.json'));
  });
}
