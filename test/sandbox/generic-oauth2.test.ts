import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { createTokenSource, OAuth2TokenError, parseClientCredentials } from '../../src/http/index.ts';
import { GenericSandboxError, startGenericSandbox, type RunningGenericSandbox } from '../../src/sandbox/generic/index.ts';
import { basicAuthorization, exchangeClientCredentials, postToken } from './support/token.ts';

// An oauth2 vendor runs offline end to end: the client credentials the sandbox gives out are exchanged
// at its own token endpoint (RFC 6749 §4.4), and the token issued is what its API accepts.

const DOCUMENT = 'test/fixtures/generic-sandbox/oauth2.yaml';
const GRANT = 'grant_type=client_credentials';

let sandbox: RunningGenericSandbox;
let origin: string;
beforeAll(async () => {
  sandbox = await startGenericSandbox({ document: DOCUMENT });
  origin = new URL(sandbox.url).origin;
});
afterAll(() => sandbox.close());

const tokenUrl = () => sandbox.tokenUrls.remoteOauth!;
const valid = () => sandbox.credentials.remoteOauth!.valid;
const json = (body: string) => JSON.parse(body) as unknown;

async function statusWith(path: string, headers: Record<string, string>): Promise<number> {
  const response = await request(`${sandbox.url}${path}`, { headers });
  await response.body.dump();
  return response.statusCode;
}

describe('the generic sandbox for an oauth2 document', () => {
  it('gives client credentials for each client-credentials scheme and serves its token endpoint on its own origin', () => {
    expect(sandbox.tokenUrls).toEqual({
      relativeOauth: `${origin}/v1/oauth/token`, // `oauth/token` resolved against the sandbox URL + '/'
      remoteOauth: `${origin}/oauth2/token`, // https://auth.example.com/oauth2/token: its path, here
    });
    const clients = { valid: 'conform-sandbox-client:conform-sandbox-secret', limited: 'conform-sandbox-limited-client:conform-sandbox-limited-secret' };
    expect(sandbox.credentials).toEqual({
      relativeOauth: clients,
      remoteOauth: clients,
      // No client-credentials flow: a bearer token as before, and no token endpoint.
      codeOauth: { valid: 'conform-sandbox-valid-token', limited: 'conform-sandbox-limited-token' },
      apiKey: { valid: 'conform-sandbox-valid-key', limited: 'conform-sandbox-limited-key' },
    });
  });

  it('issues a token to a client authenticated by HTTP Basic, not to be stored', async () => {
    const answer = await postToken(tokenUrl(), GRANT, basicAuthorization(valid()));
    expect([answer.status, answer.headers['content-type'], answer.headers['cache-control']]).toEqual([200, 'application/json', 'no-store']);
    expect(json(answer.body)).toEqual({ access_token: 'conform-sandbox-valid-token', token_type: 'Bearer', expires_in: 3600 });
  });

  it('issues a token to a client authenticated in the form, at the relative tokenUrl too', async () => {
    const [clientId, clientSecret] = valid().split(':') as [string, string];
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret, scope: 'payments:read' });
    const answer = await postToken(sandbox.tokenUrls.relativeOauth!, form.toString());
    expect([answer.status, json(answer.body)]).toEqual([200, { access_token: 'conform-sandbox-valid-token', token_type: 'Bearer', expires_in: 3600 }]);
  });

  it('form-decodes each part of the Basic credentials (RFC 6749 §2.3.1)', async () => {
    const answer = await postToken(tokenUrl(), GRANT, basicAuthorization('conform%2Dsandbox%2Dclient:conform%2Dsandbox%2Dsecret'));
    expect(answer.status).toBe(200);
    const undecoded = await postToken(tokenUrl(), GRANT, basicAuthorization('conform-sandbox-client:conform+sandbox-secret'));
    expect(undecoded.status).toBe(401); // '+' is a space once decoded: not the secret
  });

  it('issues the limited client a token that authenticates but is refused where the operation is secured', async () => {
    const token = await exchangeClientCredentials(tokenUrl(), sandbox.credentials.remoteOauth!.limited);
    expect(token).toBe('conform-sandbox-limited-token');
    expect(await statusWith('/payments/pay_1', { authorization: `Bearer ${token}` })).toBe(403);
  });

  it('lets the issued valid token reach a secured operation, and refuses no token or one it did not issue', async () => {
    const token = await exchangeClientCredentials(tokenUrl(), valid());
    const relativeToken = await exchangeClientCredentials(sandbox.tokenUrls.relativeOauth!, valid());
    expect(await statusWith('/payments/pay_1', { authorization: `Bearer ${token}` })).toBe(200);
    expect(await statusWith('/balances', { authorization: `Bearer ${relativeToken}` })).toBe(200);
    expect(await statusWith('/payments/pay_1', {})).toBe(401);
    expect(await statusWith('/payments/pay_1', { authorization: `Bearer ${valid()}` })).toBe(401); // the client credentials are no token
    expect(await statusWith('/payments/pay_1', { authorization: 'Bearer conform-sandbox-forged-token' })).toBe(401);
  });

  it.each([
    ['a wrong secret', basicAuthorization('conform-sandbox-client:wrong'), GRANT],
    ['an unknown client', basicAuthorization('someone:conform-sandbox-secret'), GRANT],
    ['no client', {}, GRANT],
    ['the valid id with the limited secret', {}, `${GRANT}&client_id=conform-sandbox-client&client_secret=conform-sandbox-limited-secret`],
  ])('refuses %s with 401 invalid_client and a Basic challenge', async (_, headers, form) => {
    const answer = await postToken(tokenUrl(), form, headers);
    expect([answer.status, json(answer.body), answer.headers['www-authenticate']]).toEqual([401, { error: 'invalid_client' }, 'Basic']);
  });

  it.each([
    ['another grant', 'grant_type=authorization_code&code=x', 'unsupported_grant_type'],
    ['no grant', '', 'unsupported_grant_type'],
    ['a grant sent twice', `${GRANT}&${GRANT}`, 'invalid_request'],
  ])('refuses %s with 400', async (_, form, error) => {
    const answer = await postToken(tokenUrl(), form, basicAuthorization(valid()));
    expect([answer.status, json(answer.body)]).toEqual([400, { error }]);
  });

  it('refuses a client that authenticates two ways at once, and a body that is not a form, with 400 invalid_request', async () => {
    const both = await postToken(tokenUrl(), `${GRANT}&client_id=conform-sandbox-client&client_secret=conform-sandbox-secret`, basicAuthorization(valid()));
    const notForm = await postToken(tokenUrl(), JSON.stringify({ grant_type: 'client_credentials' }), { ...basicAuthorization(valid()), 'content-type': 'application/json' });
    expect([both.status, json(both.body), notForm.status, json(notForm.body)]).toEqual([400, { error: 'invalid_request' }, 400, { error: 'invalid_request' }]);
  });

  it('answers another method on the token URL with 405 and Allow: POST', async () => {
    const answer = await postToken(tokenUrl(), '', basicAuthorization(valid()), 'GET');
    expect([answer.status, answer.headers.allow]).toEqual([405, 'POST']);
  });

  it('refuses a body over 8 KiB with 413, whether its length is declared or not, without reading it all', async () => {
    const padded = `${GRANT}&pad=${'x'.repeat(8 * 1024)}`;
    const declared = await postToken(tokenUrl(), padded, basicAuthorization(valid()));
    expect([declared.status, json(declared.body)]).toEqual([413, { error: 'invalid_request' }]);
    expect(await chunkedPost(new URL(tokenUrl()), 9 * 1024)).toMatch(/^HTTP\/1\.1 413 /);
    const fits = await postToken(tokenUrl(), `${GRANT}&pad=${'x'.repeat(8 * 1024 - GRANT.length - 5)}`, basicAuthorization(valid()));
    expect(fits.status).toBe(200);
  });

  it('answers a request target that is no URL, and keeps serving', async () => {
    const answer = await rawRequest(new URL(sandbox.url), 'GET http://[bad HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 \d{3} /);
    expect(await exchangeClientCredentials(tokenUrl(), valid())).toBe('conform-sandbox-valid-token');
  });

  it('interoperates with conform\'s own token source, by Basic and by form post', async () => {
    for (const clientAuthentication of ['basic', 'post'] as const) {
      const source = createTokenSource({
        vendor: 'oauth2-fixture',
        tokenUrl: sandbox.tokenUrls.remoteOauth!,
        baseUrl: sandbox.url,
        credentials: parseClientCredentials(valid())!,
        clientAuthentication,
      });
      expect(await statusWith('/payments/pay_1', { authorization: `Bearer ${await source.token()}` })).toBe(200);
    }
    const limited = createTokenSource({ vendor: 'oauth2-fixture', tokenUrl: tokenUrl(), baseUrl: sandbox.url, credentials: parseClientCredentials(sandbox.credentials.remoteOauth!.limited)! });
    expect(await statusWith('/payments/pay_1', { authorization: `Bearer ${await limited.token()}` })).toBe(403);
    const wrong = createTokenSource({ vendor: 'oauth2-fixture', tokenUrl: tokenUrl(), baseUrl: sandbox.url, credentials: { clientId: 'conform-sandbox-client', clientSecret: 'wrong' } });
    await expect(wrong.token()).rejects.toMatchObject({ constructor: OAuth2TokenError, code: 'CREDENTIALS_REFUSED' });
  });

  it('serves the relative tokenUrl under a configured base path', async () => {
    const configured = await startGenericSandbox({ document: DOCUMENT, basePath: '/mock' });
    try {
      expect(configured.tokenUrls.relativeOauth).toBe(`${new URL(configured.url).origin}/mock/oauth/token`);
      expect(await exchangeClientCredentials(configured.tokenUrls.relativeOauth!, configured.credentials.relativeOauth!.valid)).toBe('conform-sandbox-valid-token');
    } finally {
      await configured.close();
    }
  });
});

describe('a tokenUrl the sandbox cannot serve', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'conform-generic-oauth2-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it.each([
    ['mailto:tokens@example.com', 'tokenUrl is not an http(s) URL'],
    ['http://[::1', 'tokenUrl is not a URL, nor one relative to the server URL'],
  ])('refuses %s, located in the document', async (tokenUrl, problem) => {
    const file = join(folder, `${encodeURIComponent(tokenUrl)}.json`);
    const scheme = { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes: {} } } };
    await writeFile(file, JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { securitySchemes: { 'a/b': scheme } } }));
    const refusal = startGenericSandbox({ document: file });
    await expect(refusal).rejects.toThrow(GenericSandboxError);
    await expect(refusal).rejects.toThrow(`${file}#/components/securitySchemes/a~1b/flows/clientCredentials/tokenUrl: ${problem}`);
  });
});

/** Writes `head` to the sandbox's socket, then `chunks`; resolves with what the server sent back before it closed. */
function rawRequest(url: URL, head: string, chunks: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error) => (answer ? resolve(answer) : reject(error)));
    socket.write(head);
    for (const chunk of chunks) socket.write(chunk);
    socket.end();
  });
}

/** POSTs `size` bytes of form in chunks, with no Content-Length. */
function chunkedPost(url: URL, size: number): Promise<string> {
  const chunk = `${GRANT}&pad=${'x'.repeat(1000)}`;
  const chunks = Array.from({ length: Math.ceil(size / chunk.length) }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`);
  const head = `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\ncontent-type: application/x-www-form-urlencoded\r\ntransfer-encoding: chunked\r\n\r\n`;
  return rawRequest(url, head, [...chunks, '0\r\n\r\n']);
}
