import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../support/fixtures.ts';
import { encodings } from './secret-encodings.ts';

/**
 * Whop- and Xendit-shaped vendors on one loopback server that echo their credentials back in every
 * encoding of secret-encodings.ts: in undocumented properties (where the checks quote them as
 * evidence), inside documented error messages, in a callback URL and in response headers. A run
 * against it must write none of them anywhere.
 */
export const ECHO = {
  // Longer than a report's display cut, like a Midaz bearer token: the old cut showed its first 70 characters.
  whopKey: 'apik_echo.Canary_Bearer+Key/0123456789=eyJhbGciOiJIUzI1NiJ9.ZWNoby1jYW5hcnktdG9rZW4_abcdefghijklmnopqrstuvwxyz',
  whopLimitedKey: 'apik_echo.Limited_Key_98765.zyxwvu',
  xenditKey: 'xnd_development_echo.Canary_Basic+Key/9876543210=ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz',
  whopIds: { ledgerAccountId: 'ldgr_Echo0001', companyId: 'biz_Echo0001', userId: 'user_Echo0001' },
  xenditIds: { accountId: 'aaaaaaaaaaaaaaaaaaaaaaaa', managedAccountId: 'bbbbbbbbbbbbbbbbbbbbbbbb' },
};

/** `,"echo_NAME":"FORM"` for every encoding, written as raw JSON text so \u escapes stay escapes. */
function echoProperties(secret: string): string {
  const forms = Object.entries(encodings(secret)).map(([name, form]) => `"echo_${name}":"${form}"`);
  const callback = `"callback_url":"https://cb.example.test/hook?api_key=${encodings(secret).overPercentLower}&v=1"`;
  return [...forms, callback].join(',');
}

/** A JSON object's text with raw `properties` added at its top level. */
function withProperties(body: unknown, properties: string): string {
  return `${JSON.stringify(body).slice(0, -1)},${properties}}`;
}

/** The credential a request carried, decoded from Bearer or Basic (user name of `key:`). */
function credentialOf(request: IncomingMessage): string {
  const auth = request.headers.authorization ?? '';
  if (auth.startsWith('Bearer ')) return auth.slice(7);
  if (auth.startsWith('Basic ')) return Buffer.from(auth.slice(6), 'base64').toString('utf8').replace(/:$/, '');
  return '';
}

function answer(response: ServerResponse, status: number, text: string, credential: string): void {
  const forms = credential ? encodings(credential) : {};
  const headers: Record<string, string> = { 'content-type': 'application/json', 'set-cookie': `sid=${forms.base64Offset1 ?? ''}` };
  for (const name of ['raw', 'overPercentUpper', 'basicUserKey', 'base64urlOffset2'] as const) if (forms[name]) headers[`x-echo-${name.toLowerCase()}`] = forms[name]!;
  response.writeHead(status, headers).end(text);
}

export async function startEchoVendor(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const credential = credentialOf(request);
    const echo = credential ? echoProperties(credential) : '"echo_none":null';
    const url = request.url ?? '';
    const whop = /^\/api\/v1\/ledger_accounts\/([^/?]+)$/.exec(url);
    if (whop) {
      const whopError = (status: number, type: string, message: string) =>
        answer(response, status, withProperties({ error: { type, message, code: null, param: request.headers.authorization ?? null } }, echo), credential);
      if (credential === ECHO.whopLimitedKey) return whopError(403, 'forbidden', `key ${encodings(credential).halfUnicodeEscaped} lacks company:balance:read`);
      if (credential !== ECHO.whopKey) return whopError(401, 'unauthorized', `Invalid API key ${encodings(credential).overPercentUpper}; did you mean ${encodings(ECHO.whopKey).unicodeEscaped}?`);
      const id = decodeURIComponent(whop[1]!);
      if (!/^(ldgr|biz|user)_[A-Za-z0-9]+$/.test(id)) return whopError(400, 'invalid_request_error', `bad id for ${encodings(credential).basicUserKey}`);
      if (!Object.values(ECHO.whopIds).includes(id)) return whopError(404, 'not_found', `no account for key ${encodings(credential).base64Offset2}`);
      return answer(response, 200, withProperties({ ...(readBody('whop-ledger-account.json') as object), id }, echo), credential);
    }
    const xendit = /^\/v2\/accounts\/([^/?]+)$/.exec(url);
    if (xendit) {
      if (credential !== ECHO.xenditKey) return answer(response, 401, withProperties({ error_code: 'INVALID_API_KEY', message: `API key ${encodings(credential).basicKeyColon} is invalid; expected ${encodings(ECHO.xenditKey).doublePercent}` }, echo), credential);
      const id = xendit[1]!;
      if (id === ECHO.xenditIds.accountId || id === ECHO.xenditIds.managedAccountId) {
        const type = id === ECHO.xenditIds.managedAccountId ? 'MANAGED' : 'OWNED';
        return answer(response, 200, withProperties({ ...(readBody('xendit-account.json') as object), id, type }, echo), credential);
      }
      return answer(response, 404, withProperties({ ...(readBody('xendit-error-404.json') as object), message: `no account for ${encodings(credential).base64urlOffset1}` }, echo), credential);
    }
    answer(response, 404, '{"error":"no route"}', '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
