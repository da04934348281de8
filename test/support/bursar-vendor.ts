import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { cp, mkdtemp, symlink } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, REPO_ROOT } from './paths.ts';

/** Bursar: a fourth vendor with OAuth 2.0 client credentials, no suite and no vendor file (test/fixtures/vendor-bursar). */
export const BURSAR_SPEC = 'specs/bursar/2026-03.yaml';
export const BURSAR_CLIENT = 'bursar-client-7';
/** Canaries: neither may appear in anything conform writes or prints. */
export const BURSAR_SECRET = 'Bursar+Secret/canary=0042';
export const BURSAR_TOKEN = 'bursar_at_canary_5f2e9c0d41aa';
export const LEDGER = 'ldg_abcd1234';

export interface BursarOptions {
  /** The 404 body leaves out `message`, which the document requires. */
  dropErrorMessage?: boolean;
  /** The token endpoint refuses every client. */
  refuseClients?: boolean;
  /**
   * The ledger answers the token it was sent as its currency, and the entries the client secret as an
   * amount: values that break the document, so conform shows them, and must show them redacted.
   */
  echoSecrets?: boolean;
}

export interface BursarServer {
  /** The base URL, /v2 included. */
  url: string;
  tokenRequests: number;
  requests: Array<{ method: string; path: string; headers: IncomingHttpHeaders }>;
  close(): Promise<void>;
}

/** A plain HTTP server answering as Bursar's document says, with its token endpoint at /v2/oauth/token: not conform's sandbox. */
export async function startBursar(options: BursarOptions = {}): Promise<BursarServer> {
  const state = { tokenRequests: 0, requests: [] as BursarServer['requests'] };
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '';
    state.requests.push({ method: request.method ?? '', path, headers: request.headers });
    const json = (status: number, body: object) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const error = (status: number, code: string) => json(status, options.dropErrorMessage && status === 404 ? { code } : { code, message: `${code} (${status})` });
    request.resume();
    if (path === '/v2/oauth/token') {
      state.tokenRequests++;
      const basic = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
      const [id, secret] = basic.split(':').map((part) => decodeURIComponent(part.replaceAll('+', ' ')));
      if (options.refuseClients || id !== BURSAR_CLIENT || secret !== BURSAR_SECRET) return json(401, { error: 'invalid_client' });
      return json(200, { access_token: BURSAR_TOKEN, token_type: 'Bearer', expires_in: 3600 });
    }
    if (request.headers.authorization !== `Bearer ${BURSAR_TOKEN}`) return error(401, 'unauthorized');
    const [route, query = ''] = path.split('?');
    const id = /^\/v2\/ledgers\/([^/]+)(\/entries)?$/.exec(route ?? '');
    if (!id) return error(404, 'not_found');
    if (!/^ldg_[a-z0-9]{8}$/.test(decodeURIComponent(id[1]!))) return error(400, 'invalid_ledger_id');
    if (id[1] !== LEDGER) return error(404, 'ledger_not_found');
    if (id[2]) return new URLSearchParams(query).get('limit') ? json(200, { data: [{ id: 'ent_1', amount: options.echoSecrets ? BURSAR_SECRET : '-12.50' }] }) : error(400, 'limit_required');
    return json(200, { id: LEDGER, currency: options.echoSecrets ? BURSAR_TOKEN : 'EUR', balance: '1250.00' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`,
    get tokenRequests() {
      return state.tokenRequests;
    },
    requests: state.requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A working directory with conform linked in, Bursar's document under specs/, and no vendor file. */
export async function bursarCheckout(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'conform-bursar-'));
  for (const entry of ['src', 'suites', 'schemas', 'bin', 'node_modules', 'package.json', 'vitest.config.ts']) await symlink(join(REPO_ROOT, entry), join(root, entry));
  await cp(join(FIXTURES, 'vendor-bursar', 'specs'), join(root, 'specs'), { recursive: true });
  return root;
}
