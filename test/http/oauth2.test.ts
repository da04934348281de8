import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { writeFileAtomically } from '../../src/files/index.ts';
import {
  createHttpClient,
  createTokenSource,
  OAuth2TokenError,
  parseClientCredentials,
  sendWithToken,
  type Exchange,
  type TokenSource,
  type TokenSourceOptions,
} from '../../src/http/index.ts';
import { secretForms } from '../../src/redaction/index.ts';

const CLIENT = { clientId: 'conform-client', clientSecret: 'cs_live/9f8e+7d6c5b4a3' };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A real server on 127.0.0.1, port 0, handed each request with its whole body. */
async function serve(handle: (request: IncomingMessage, body: string, response: ServerResponse) => void): Promise<string> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(request, Buffer.concat(chunks).toString('utf8'), response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface TokenRequestSeen {
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  form: URLSearchParams;
}

/** A token server that issues tok-1, tok-2, ... (or what `answer` says for the n-th request) and records every request. */
async function tokenServer(answer: (n: number) => { status?: number; body: string; headers?: Record<string, string> } = defaultAnswer) {
  const seen: TokenRequestSeen[] = [];
  const origin = await serve((request, body, response) => {
    seen.push({ path: request.url ?? '', authorization: request.headers.authorization, contentType: request.headers['content-type'], form: new URLSearchParams(body) });
    const { status = 200, body: text, headers = { 'content-type': 'application/json' } } = answer(seen.length);
    response.writeHead(status, headers).end(text);
  });
  return { origin, seen };
}

function defaultAnswer(n: number) {
  return { body: JSON.stringify({ access_token: `tok-${n}-a8f3c1`, token_type: 'Bearer', expires_in: 3600 }) };
}

/** A vendor that answers 200 to a Bearer token `accepts`, 401 to anything else, and echoes the Authorization it got. */
async function vendor(accepts: (token: string) => boolean) {
  const tokensSeen: string[] = [];
  const origin = await serve((request, _body, response) => {
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    tokensSeen.push(token);
    response.writeHead(accepts(token) ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify({ youSent: request.headers.authorization }));
  });
  return { origin, tokensSeen };
}

function source(tokenOrigin: string, options: Partial<TokenSourceOptions> = {}): TokenSource {
  return createTokenSource({ vendor: 'acme', tokenUrl: `${tokenOrigin}/oauth/token`, baseUrl: 'https://api.acme.test', credentials: CLIENT, ...options });
}

function client() {
  const created = createHttpClient({ retry: { maxRetries: 0 } });
  cleanups.push(() => created.close());
  return created;
}

function statusOf(exchange: Exchange): number | string {
  return exchange.outcome === 'response' ? exchange.status : exchange.code;
}

async function tokenError(promise: Promise<unknown>): Promise<OAuth2TokenError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof OAuth2TokenError)) throw new Error(`expected an OAuth2TokenError, got ${String(error)}`);
  return error;
}

describe('the token request (RFC 6749 §4.4.2)', () => {
  test('posts grant_type=client_credentials as a form, authenticating the client with HTTP Basic, and returns the access token', async () => {
    const server = await tokenServer();
    expect(await source(server.origin).token()).toBe('tok-1-a8f3c1');
    expect(server.seen).toHaveLength(1);
    const [request] = server.seen;
    expect(request!.path).toBe('/oauth/token');
    expect(request!.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(request!.form)).toEqual({ grant_type: 'client_credentials' });
    // RFC 6749 §2.3.1: id and secret form-encoded, then joined and base64-encoded.
    const basic = Buffer.from(request!.authorization!.replace(/^Basic /, ''), 'base64').toString('utf8');
    expect(basic).toBe('conform-client:cs_live%2F9f8e%2B7d6c5b4a3');
  });

  test('scopes are sent space-separated in one scope parameter', async () => {
    const server = await tokenServer();
    await source(server.origin, { scopes: ['ledger:read', 'accounts:read'] }).token();
    expect(server.seen[0]!.form.get('scope')).toBe('ledger:read accounts:read');
  });

  test('client_secret_post puts the client id and secret in the form instead of an Authorization header', async () => {
    const server = await tokenServer();
    await source(server.origin, { clientAuthentication: 'post' }).token();
    expect(server.seen[0]!.authorization).toBeUndefined();
    expect(Object.fromEntries(server.seen[0]!.form)).toEqual({ grant_type: 'client_credentials', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret });
  });

  test('a relative tokenUrl is resolved against the base URL as RFC 3986 says', async () => {
    const server = await tokenServer();
    await createTokenSource({ vendor: 'acme', tokenUrl: '/oauth/token', baseUrl: `${server.origin}/api/v1`, credentials: CLIENT }).token();
    await createTokenSource({ vendor: 'acme', tokenUrl: 'auth/token', baseUrl: `${server.origin}/api/v1/`, credentials: CLIENT }).token();
    expect(server.seen.map((request) => request.path)).toEqual(['/oauth/token', '/api/v1/auth/token']);
  });
});

describe('caching for the run', () => {
  test('one token request serves many calls, concurrent or not', async () => {
    const server = await tokenServer();
    const tokens = source(server.origin);
    const concurrent = await Promise.all([1, 2, 3, 4, 5].map(() => tokens.token()));
    const sequential = [await tokens.token(), await tokens.token()];
    expect(new Set([...concurrent, ...sequential])).toEqual(new Set(['tok-1-a8f3c1']));
    expect(server.seen).toHaveLength(1);
  });

  test('a token is renewed 30 s before expires_in runs out, by the injected clock', async () => {
    const server = await tokenServer();
    let now = 1_000_000;
    const tokens = source(server.origin, { now: () => now });
    expect(await tokens.token()).toBe('tok-1-a8f3c1');
    now += 3600_000 - 30_001;
    expect(await tokens.token()).toBe('tok-1-a8f3c1');
    now += 2;
    expect(await tokens.token()).toBe('tok-2-a8f3c1');
    expect(server.seen).toHaveLength(2);
  });

  test('a short-lived token is renewed at half its life; expires_in may come as a string of digits', async () => {
    const server = await tokenServer((n) => ({ body: JSON.stringify({ access_token: `short-${n}`, token_type: 'bearer', expires_in: '20' }) }));
    let now = 0;
    const tokens = source(server.origin, { now: () => now });
    await tokens.token();
    now = 9_999;
    expect(await tokens.token()).toBe('short-1');
    now = 10_000;
    expect(await tokens.token()).toBe('short-2');
  });

  test('without expires_in the token is kept for the whole run', async () => {
    const server = await tokenServer(() => ({ body: JSON.stringify({ access_token: 'forever-token' }) }));
    let now = 0;
    const tokens = source(server.origin, { now: () => now });
    await tokens.token();
    now = 10 * 365 * 24 * 3600_000;
    expect(await tokens.token()).toBe('forever-token');
    expect(server.seen).toHaveLength(1);
  });
});

describe('a 401 from the vendor', () => {
  test('is retried once with a new token, and the exchange counts both attempts', async () => {
    const server = await tokenServer();
    const api = await vendor((token) => token === 'tok-2-a8f3c1');
    const exchange = await sendWithToken(client(), source(server.origin), { method: 'GET', url: `${api.origin}/accounts` });
    expect(statusOf(exchange)).toBe(200);
    expect(exchange.attempts).toBe(2);
    expect(api.tokensSeen).toEqual(['tok-1-a8f3c1', 'tok-2-a8f3c1']);
  });

  test('to a token fetched after a 401 is the vendor answer: no third request, and no refresh on later 401s', async () => {
    const server = await tokenServer();
    const api = await vendor(() => false);
    const tokens = source(server.origin);
    expect(statusOf(await sendWithToken(client(), tokens, { method: 'GET', url: `${api.origin}/a` }))).toBe(401);
    expect(statusOf(await sendWithToken(client(), tokens, { method: 'GET', url: `${api.origin}/b` }))).toBe(401);
    expect(api.tokensSeen).toEqual(['tok-1-a8f3c1', 'tok-2-a8f3c1', 'tok-2-a8f3c1']);
    expect(server.seen).toHaveLength(2);
  });

  test('on requests in flight together is one refresh for all of them', async () => {
    const server = await tokenServer();
    const api = await vendor((token) => token !== 'tok-1-a8f3c1');
    const tokens = source(server.origin);
    const http = client();
    const exchanges = await Promise.all([1, 2, 3, 4].map((i) => sendWithToken(http, tokens, { method: 'GET', url: `${api.origin}/${i}` })));
    expect(exchanges.map(statusOf)).toEqual([200, 200, 200, 200]);
    expect(server.seen).toHaveLength(2);
  });

  test('with a token already replaced by another request gets the newer token without a new token request', async () => {
    const server = await tokenServer();
    const tokens = source(server.origin);
    const first = await tokens.token();
    expect(await tokens.refreshAfter401(first)).toBe('tok-2-a8f3c1');
    expect(await tokens.refreshAfter401(first)).toBe('tok-2-a8f3c1');
    expect(server.seen).toHaveLength(2);
  });

  test('makes the calls that ask for a token while the new one is on its way wait for it, not get the refused one', async () => {
    const server = await tokenServer();
    const tokens = source(server.origin);
    const refused = await tokens.token();
    const refreshing = tokens.refreshAfter401(refused);
    expect(await Promise.all([tokens.token(), refreshing])).toEqual(['tok-2-a8f3c1', 'tok-2-a8f3c1']);
    expect(server.seen).toHaveLength(2);
  });

  test('is not retried when the request got another answer', async () => {
    const server = await tokenServer();
    const api = await serve((_request, _body, response) => response.writeHead(403).end());
    const exchange = await sendWithToken(client(), source(server.origin), { method: 'GET', url: `${api}/x` });
    expect(statusOf(exchange)).toBe(403);
    expect(server.seen).toHaveLength(1);
  });
});

describe('no token to be had: a clear error naming the vendor and the token URL, never the secret', () => {
  test('credentials refused with an OAuth error body', async () => {
    const server = await tokenServer(() => ({
      status: 401,
      // A server that echoes what it was sent must not put the secret into our message.
      body: JSON.stringify({ error: 'invalid_client', error_description: `unknown client secret ${CLIENT.clientSecret}` }),
    }));
    const error = await tokenError(source(server.origin).token());
    expect(error.code).toBe('CREDENTIALS_REFUSED');
    expect(error.message).toBe(`acme: no OAuth 2.0 token from ${server.origin}/oauth/token: the client credentials were refused (401: invalid_client (unknown client secret [redacted]))`);
  });

  test('an echoed secret that straddles the cut of the description is redacted before the cut', async () => {
    const secret = CLIENT.clientSecret;
    const padding = 'x'.repeat(200 - Math.floor(secret.length / 2));
    const server = await tokenServer(() => ({ status: 401, body: JSON.stringify({ error: 'invalid_client', error_description: `${padding}${secret} and more` }) }));
    const error = await tokenError(source(server.origin).token());
    expect(error.message).not.toContain(secret.slice(0, Math.floor(secret.length / 2)));
  });

  test('a 400 without an OAuth error body is a refusal too', async () => {
    const server = await tokenServer(() => ({ status: 400, body: '<html>bad request</html>', headers: { 'content-type': 'text/html' } }));
    const error = await tokenError(source(server.origin).token());
    expect([error.code, error.message.endsWith('refused (400)')]).toEqual(['CREDENTIALS_REFUSED', true]);
  });

  test('any other status', async () => {
    const server = await tokenServer(() => ({ status: 500, body: JSON.stringify({ error: 'server_error' }) }));
    const error = await tokenError(source(server.origin).token());
    expect([error.code, error.message.endsWith('the token endpoint answered 500: server_error')]).toEqual(['TOKEN_ENDPOINT_FAILED', true]);
  });

  test('a redirect is not followed: the client secret would go with it', async () => {
    const elsewhere = await tokenServer();
    const server = await tokenServer(() => ({ status: 307, body: '', headers: { location: `${elsewhere.origin}/oauth/token` } }));
    const error = await tokenError(source(server.origin).token());
    expect(error.code).toBe('TOKEN_ENDPOINT_FAILED');
    expect(elsewhere.seen).toHaveLength(0);
  });

  test.each([
    ['not JSON', 'ok', 'the answer is not a JSON object'],
    ['JSON without access_token', JSON.stringify({ token_type: 'Bearer' }), 'the answer has no access_token'],
    ['a token type other than Bearer', JSON.stringify({ access_token: 'abcd1234', token_type: 'mac' }), 'token_type "mac" is not Bearer'],
    ['a token that cannot go into a header', JSON.stringify({ access_token: 'abc\r\nx-injected: 1' }), 'the access_token holds characters a header cannot carry'],
  ])('a 200 answer that is %s', async (_name, body, detail) => {
    const server = await tokenServer(() => ({ body }));
    const error = await tokenError(source(server.origin).token());
    expect([error.code, error.message]).toEqual(['TOKEN_RESPONSE_INVALID', `acme: no OAuth 2.0 token from ${server.origin}/oauth/token: ${detail}`]);
  });

  test('an absurdly large answer is cut off at 64 KiB', async () => {
    const huge = JSON.stringify({ access_token: 'x'.repeat(4 * 1024 * 1024) });
    const server = await tokenServer(() => ({ body: huge }));
    const error = await tokenError(source(server.origin).token());
    expect([error.code, error.message.endsWith('the answer (200) is larger than 65536 bytes')]).toEqual(['TOKEN_RESPONSE_INVALID', true]);
  });

  test('a token endpoint that drops the connection', async () => {
    const origin = await serve((request) => request.socket.destroy());
    const error = await tokenError(source(origin).token());
    expect(error.code).toBe('TOKEN_ENDPOINT_UNREACHABLE');
    expect(error.message).toMatch(new RegExp(`^acme: no OAuth 2\\.0 token from ${origin}/oauth/token: (SOCKET_CLOSED|CONNECTION_RESET): `));
  });

  test('sendWithToken sends nothing to the vendor without a token', async () => {
    const server = await tokenServer(() => ({ status: 401, body: JSON.stringify({ error: 'invalid_client' }) }));
    const api = await vendor(() => true);
    await tokenError(sendWithToken(client(), source(server.origin), { method: 'GET', url: `${api.origin}/x` }));
    expect(api.tokensSeen).toEqual([]);
  });

  test.each([
    ['plain http for a production target', 'http://auth.acme.test/token', true, 'http://auth.acme.test/token: a production target sends its client secret over https only'],
    ['plain http on another origin than the base URL', 'http://auth.acme.test/token', false, 'http://auth.acme.test/token: a token URL on another origin than the base URL takes the client secret over https only'],
    ['credentials in the URL', 'https://user:pw@auth.acme.test/token', false, 'https://auth.acme.test/token: a token URL must not hold credentials'],
    ['not http(s)', 'ftp://auth.acme.test/token', false, 'ftp://auth.acme.test/token: not an http(s) URL'],
  ])('a token URL with %s is refused when the source is made, before any request', (_name, tokenUrl, production, detail) => {
    const make = () => createTokenSource({ vendor: 'acme', tokenUrl, baseUrl: 'https://api.acme.test', credentials: CLIENT, http: { production } });
    expect(make).toThrow(OAuth2TokenError);
    expect(make).toThrow(`acme: no OAuth 2.0 token from ${detail}`);
  });
});

describe('secrets for redaction', () => {
  test('the client secret and every token obtained, redacted from a written artifact holding all that went over the wire', async () => {
    const server = await tokenServer();
    const api = await vendor((token) => token === 'tok-2-a8f3c1');
    const tokens = source(server.origin);
    const exchange = await sendWithToken(client(), tokens, { method: 'GET', url: `${api.origin}/echo` });
    expect(exchange.outcome).toBe('response');
    const wire = {
      tokenRequest: { authorization: server.seen[0]!.authorization, form: String(server.seen[0]!.form) },
      postedSecret: new URLSearchParams({ client_secret: CLIENT.clientSecret }).toString(),
      vendorSaw: api.tokensSeen,
      vendorEcho: exchange.outcome === 'response' ? Buffer.from(exchange.body).toString('utf8') : null,
    };
    const folder = await mkdtemp(join(tmpdir(), 'conform-oauth2-'));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const file = join(folder, 'artifact.json');
    await writeFileAtomically(file, JSON.stringify(wire), secretForms(tokens.secrets()));
    const written = await readFile(file, 'utf8');
    const basicValue = server.seen[0]!.authorization!.replace(/^Basic /, '');
    for (const secret of ['tok-1-a8f3c1', 'tok-2-a8f3c1', CLIENT.clientSecret, 'cs_live%2F9f8e%2B7d6c5b4a3', basicValue]) {
      expect(written).not.toContain(secret);
    }
    expect(written).toContain('"form":"grant_type=client_credentials"');
    expect(written.match(/\[redacted\]/g)).toHaveLength(5);
  });
});

test('"client_id:client_secret" splits at the first colon; a value without both parts is no credential', () => {
  expect(parseClientCredentials('id-1:se:cret')).toEqual({ clientId: 'id-1', clientSecret: 'se:cret' });
  expect([parseClientCredentials('no-colon'), parseClientCredentials(':secret'), parseClientCredentials('id:')]).toEqual([null, null, null]);
});
