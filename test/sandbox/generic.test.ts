import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { checkResponse } from '../../src/checks/index.ts';
import { withSeverity } from '../../src/judge/index.ts';
import { startGenericSandbox, type RunningGenericSandbox } from '../../src/sandbox/generic/index.ts';
import { loadSpec } from '../../src/spec/index.ts';
import type { LoadedSpec } from '../../src/spec/index.ts';
import { exchangeClientCredentials } from './support/token.ts';

// The generic sandbox is proven faithful by conform's own checker: every answer it gives for a
// document is checked against that document, and no finding may be breaking.

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

type Credential = 'valid' | 'limited' | 'invalid' | 'none';
type Sent = { headers: Record<string, string>; query: string };
type Auth = (sandbox: RunningGenericSandbox, credential: Credential) => Sent | Promise<Sent>;

async function fetchRaw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  const response = await request(url, { method, headers });
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return { status: response.statusCode, headers: flat, body: Buffer.from(await response.body.arrayBuffer()) };
}

function breakingFindings(spec: LoadedSpec, operationKey: string, raw: Raw): Array<[string, string | null]> {
  const operation = spec.operations.find((candidate) => candidate.key === operationKey);
  if (!operation) throw new Error(`no operation ${operationKey} in ${spec.file}`);
  const findings = withSeverity(checkResponse(spec, operation, raw, { integrity: true }), {});
  return findings.filter((f) => f.severity === 'breaking').map((f) => [f.id, f.pointer ?? null]);
}

function credentialOf(sandbox: RunningGenericSandbox, scheme: string, credential: Credential): string {
  if (credential === 'invalid') return 'not-a-credential-the-sandbox-knows';
  return sandbox.credentials[scheme]![credential === 'limited' ? 'limited' : 'valid'];
}

const header =
  (scheme: string, name: string, form: (credential: string) => string = (credential) => credential): Auth =>
  (sandbox, credential) => ({ headers: credential === 'none' ? {} : { [name]: form(credentialOf(sandbox, scheme, credential)) }, query: '' });
const bearer = (scheme: string): Auth => header(scheme, 'authorization', (token) => `Bearer ${token}`);
/** oauth2 client credentials, exchanged at the sandbox's token endpoint for the bearer token sent. */
const oauth =
  (scheme: string): Auth =>
  async (sandbox, credential) => {
    if (credential === 'none' || credential === 'invalid') return bearer(scheme)(sandbox, credential);
    const token = await exchangeClientCredentials(sandbox.tokenUrls[scheme]!, credentialOf(sandbox, scheme, credential));
    return { headers: { authorization: `Bearer ${token}` }, query: '' };
  };
const basic = (scheme: string): Auth => header(scheme, 'authorization', (pair) => `Basic ${Buffer.from(pair).toString('base64')}`);
const query =
  (scheme: string, name: string): Auth =>
  (sandbox, credential) => ({ headers: {}, query: credential === 'none' ? '' : `?${name}=${credentialOf(sandbox, scheme, credential)}` });
const open: Auth = () => ({ headers: {}, query: '' });

interface Served {
  operation: string;
  auth: Auth;
  /** A value of each path parameter's shape that is not the fixture. */
  unknown: Record<string, string>;
  /** A value outside a path parameter's shape, and the status documented for it. */
  malformed?: { values: Record<string, string>; status: number };
  /** Statuses expected: success, and the limited credential's (the success status when 403 is undocumented). */
  success: number;
  limited?: number;
  unauthenticated?: number;
  notFound?: number;
}

interface Case {
  file: string;
  basePath: string;
  fixtures: Record<string, string>;
  served: Array<Served & { auth: Auth }>;
}

// Both Midaz documents: the sandbox takes each path parameter's example from the document.
const MIDAZ_FIXTURES = { organization_id: '019c96a0-0a98-7287-9a31-786e0809c769', ledger_id: '019c96a0-0ac0-7de9-9f53-9cf842a2ee5a', account_id: '019c96a0-0c0c-7221-8cf3-13313fb60081' };

const CASES: Case[] = [
  {
    file: 'specs/whop/1.0.0.yaml',
    basePath: '/api/v1',
    fixtures: { id: 'ldgr_xxxxxxxxxxxxx' },
    served: [{ operation: 'GET /ledger_accounts/{id}', auth: bearer('bearerAuth'), unknown: { id: 'ldgr_00000000000000' }, success: 200, limited: 403, unauthenticated: 401 }],
  },
  {
    file: 'specs/midaz/3.7.0.yaml',
    basePath: '',
    fixtures: MIDAZ_FIXTURES,
    served: [
      {
        operation: 'GET /v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}',
        auth: open, // 3.7.0 declares no security: nothing to enforce
        unknown: { account_id: '00000000-0000-7000-8000-000000000000' },
        success: 200,
      },
    ],
  },
  {
    file: 'specs/midaz/3.7.1.yaml',
    basePath: '',
    fixtures: MIDAZ_FIXTURES,
    served: [
      {
        operation: 'GET /v1/organizations/{organization_id}/ledgers/{ledger_id}/accounts/{account_id}/balances',
        auth: bearer('bearer'),
        unknown: { ledger_id: '00000000-0000-7000-8000-000000000000' },
        success: 200,
        limited: 403,
        unauthenticated: 401,
      },
    ],
  },
  {
    file: 'specs/xendit/2026-01-08.yaml',
    basePath: '',
    fixtures: { id: '5cafeb170a2b18519b1b8761' },
    // 403 is undocumented: the limited credential is let through.
    served: [{ operation: 'GET /v2/accounts/{id}', auth: basic('basicAuth'), unknown: { id: '000000000000000000000000' }, success: 200, limited: 200, unauthenticated: 401 }],
  },
  {
    file: 'test/fixtures/generic-sandbox/messy-3.0.yaml',
    basePath: '/api/v2',
    // thing_id shows no example: the fixture is sampled from its schema (format uuid)
    fixtures: { widget_id: '42', thing_id: '497f6eca-6276-4993-bfeb-53cbbbba6f08', tree_id: 'tr_abc123' },
    served: [
      {
        operation: 'GET /widgets/{widget_id}',
        auth: header('headerKey', 'x-api-key'),
        unknown: { widget_id: '1000' },
        malformed: { values: { widget_id: 'w-42' }, status: 400 },
        success: 200,
        limited: 200, // no 403 documented
        unauthenticated: 401,
      },
      {
        operation: 'DELETE /widgets/{widget_id}',
        auth: header('headerKey', 'x-api-key'),
        unknown: { widget_id: '7' },
        malformed: { values: { widget_id: '0' }, status: 400 }, // only `default` documents an error: answered 400
        success: 204,
        unauthenticated: 401,
      },
      {
        operation: 'GET /things/{thing_id}',
        auth: header('headerKey', 'x-api-key'),
        unknown: { thing_id: '00000000-0000-4000-8000-000000000000' },
        malformed: { values: { thing_id: 'not-a-uuid' }, status: 400 },
        success: 200, // `2XX`
        unauthenticated: 401, // `default`
      },
      {
        operation: 'GET /trees/{tree_id}',
        auth: header('headerKey', 'x-api-key'),
        unknown: { tree_id: 'tr_000000' },
        malformed: { values: { tree_id: 'TR-1' }, status: 422 }, // 422 before `4XX`
        success: 200,
        limited: 403, // `4XX` documents it
        unauthenticated: 401, // `4XX`
      },
      { operation: 'GET /health', auth: open, unknown: {}, success: 200 },
    ],
  },
  {
    file: 'test/fixtures/generic-sandbox/messy-3.1.yaml',
    basePath: '/v3',
    fixtures: { account_id: 'acc_0001', entry_id: '7' },
    served: [
      {
        operation: 'GET /accounts/{account_id}/entries/{entry_id}',
        auth: oauth('oauth'),
        unknown: { entry_id: '8' },
        malformed: { values: { entry_id: 'seven' }, status: 400 },
        success: 200,
        limited: 403,
        unauthenticated: 401,
      },
      {
        operation: 'GET /accounts/{account_id}',
        auth: query('queryKey', 'api_key'),
        unknown: { account_id: 'acc_9999' },
        malformed: { values: { account_id: 'acc_1' }, status: 400 },
        success: 200,
        unauthenticated: 401,
      },
    ],
  },
];

function pathFor(operation: string, values: Record<string, string>): string {
  const template = operation.slice(operation.indexOf(' ') + 1);
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? `missing-${name}`));
}

describe.each(CASES)('the generic sandbox serving $file', ({ file, basePath, fixtures, served }) => {
  let sandbox: RunningGenericSandbox;
  let spec: LoadedSpec;

  beforeAll(async () => {
    sandbox = await startGenericSandbox({ document: file });
    spec = await loadSpec(file);
  });
  afterAll(() => sandbox.close());

  it('serves under the base path of the first server URL and reports its fixtures', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(new URL(sandbox.url).pathname.replace(/\/$/, '')).toBe(basePath);
    expect(sandbox.fixtures).toEqual(fixtures);
  });

  describe.each(served)('$operation', (entry) => {
    const send = async (values: Record<string, string>, credential: Credential): Promise<Raw> => {
      const { headers, query: search } = await entry.auth(sandbox, credential);
      const method = entry.operation.slice(0, entry.operation.indexOf(' '));
      return fetchRaw(`${sandbox.url}${pathFor(entry.operation, values)}${search}`, headers, method);
    };

    it('answers the fixtures with the documented success, which the checker passes', async () => {
      const raw = await send(sandbox.fixtures, 'valid');
      expect(raw.status).toBe(entry.success);
      expect(breakingFindings(spec, entry.operation, raw)).toEqual([]);
    });

    it('answers an unknown id of the right shape with the documented 404', async () => {
      if (Object.keys(entry.unknown).length === 0) return;
      const raw = await send({ ...sandbox.fixtures, ...entry.unknown }, 'valid');
      expect(raw.status).toBe(entry.notFound ?? 404);
      expect(breakingFindings(spec, entry.operation, raw)).toEqual([]);
    });

    it('answers an id outside the parameter shape with the documented 400/422', async () => {
      if (!entry.malformed) return;
      const raw = await send({ ...sandbox.fixtures, ...entry.malformed.values }, 'valid');
      expect(raw.status).toBe(entry.malformed.status);
      expect(breakingFindings(spec, entry.operation, raw)).toEqual([]);
    });

    it('refuses a missing or unknown credential with the documented 401, and the limited one with 403 when documented', async () => {
      const missing = await send(sandbox.fixtures, 'none');
      const invalid = await send(sandbox.fixtures, 'invalid');
      const limited = await send(sandbox.fixtures, 'limited');
      const refused = entry.unauthenticated ?? entry.success;
      expect([missing.status, invalid.status, limited.status]).toEqual([refused, refused, entry.limited ?? entry.success]);
      for (const raw of [missing, invalid, limited]) expect(breakingFindings(spec, entry.operation, raw)).toEqual([]);
    });
  });
});

describe('the generic sandbox, answer by answer', () => {
  let sandbox: RunningGenericSandbox;
  const key = () => ({ 'x-api-key': sandbox.credentials.headerKey!.valid });

  beforeAll(async () => {
    sandbox = await startGenericSandbox({ document: 'test/fixtures/generic-sandbox/messy-3.0.yaml' });
  });
  afterAll(() => sandbox.close());

  it('answers with the documented example, not a sample, where the document shows one', async () => {
    const raw = await fetchRaw(`${sandbox.url}/things/${sandbox.fixtures.thing_id}`, key());
    // The example's own fields, and the id of the thing asked for (a real API answers the resource requested).
    expect(JSON.parse(raw.body.toString())).toEqual({ id: sandbox.fixtures.thing_id, label: 'first thing', note: null });
  });

  it('samples the schema where the document shows no example, with every required header', async () => {
    const raw = await fetchRaw(`${sandbox.url}/widgets/42`, key());
    expect(raw.headers['x-widget-revision']).toBe('3');
    expect(JSON.parse(raw.body.toString())).toEqual({
      name: 'string',
      id: 42, // the widget asked for, in the schema's type (integer)
      size: 0.5,
      tags: ['red', 'red'],
      owner: { email: 'user@example.com', since: '2019-08-24T14:15:22Z' },
    });
  });

  it('sends the documented media type, not JSON for everything', async () => {
    const tree = await fetchRaw(`${sandbox.url}/trees/${sandbox.fixtures.tree_id}`, key());
    const health = await fetchRaw(`${sandbox.url}/health`);
    const thingError = await fetchRaw(`${sandbox.url}/things/not-a-uuid`, key());
    expect([tree.headers['content-type'], health.headers['content-type'], thingError.headers['content-type']]).toEqual([
      'application/vnd.messy+json',
      'text/plain',
      'application/problem+json',
    ]);
    expect(health.body.toString()).toBe('ok');
  });

  it('answers a recursive schema with a finite tree, leaving the recursion out where the schema allows', async () => {
    const raw = await fetchRaw(`${sandbox.url}/trees/${sandbox.fixtures.tree_id}`, key());
    expect(JSON.parse(raw.body.toString())).toEqual({ name: 'string', children: [] });
  });

  it('answers a path the document lacks with 404, and a documented path with an undocumented method with 405', async () => {
    const unknownPath = await fetchRaw(`${sandbox.url}/gadgets/1`, key());
    const outsideBase = await fetchRaw(`${new URL(sandbox.url).origin}/widgets/42`, key());
    const wrongMethod = await fetchRaw(`${sandbox.url}/widgets/42`, key(), 'PUT');
    expect([unknownPath.status, outsideBase.status, wrongMethod.status, wrongMethod.headers.allow]).toEqual([404, 404, 405, 'GET, DELETE']);
  });

  it('takes configured fixtures and base path instead of the document defaults', async () => {
    const configured = await startGenericSandbox({ document: 'test/fixtures/generic-sandbox/messy-3.0.yaml', basePath: 'mock/', fixtures: { widget_id: '9' } });
    try {
      expect(new URL(configured.url).pathname).toBe('/mock');
      expect(configured.fixtures.widget_id).toBe('9');
      const known = await fetchRaw(`${configured.url}/widgets/9`, { 'x-api-key': configured.credentials.headerKey!.valid });
      const documentDefault = await fetchRaw(`${configured.url}/widgets/42`, { 'x-api-key': configured.credentials.headerKey!.valid });
      expect([known.status, documentDefault.status]).toEqual([200, 404]);
    } finally {
      await configured.close();
    }
  });

  it('accepts the credential in a cookie where the document says so', async () => {
    const raw = await fetchRaw(`${sandbox.url}/things/${sandbox.fixtures.thing_id}`, { cookie: `theme=dark; session=${sandbox.credentials.cookieKey!.valid}` });
    expect(raw.status).toBe(200);
  });
});

describe('the generic sandbox is deterministic', () => {
  it('two sandboxes for one document answer every request with the same status, headers and bytes', async () => {
    const [first, second] = await Promise.all([0, 1].map(() => startGenericSandbox({ document: 'test/fixtures/generic-sandbox/messy-3.1.yaml' })));
    try {
      const paths = ['/accounts/acc_0001/entries/7', '/accounts/acc_0001', '/accounts/acc_0001/entries/8', '/accounts/acc_1'];
      for (const path of paths) {
        const [a, b] = await Promise.all(
          [first!, second!].map(async (s) => {
            const token = await exchangeClientCredentials(s.tokenUrls.oauth!, s.credentials.oauth!.valid);
            return fetchRaw(`${s.url}${path}?api_key=${s.credentials.queryKey!.valid}`, { authorization: `Bearer ${token}` });
          }),
        );
        expect(a!.headers.date).toBeUndefined(); // a Date header would make answers a second apart differ
        expect({ path, status: b!.status, headers: b!.headers, body: b!.body.toString('base64') }).toEqual({
          path,
          status: a!.status,
          headers: a!.headers,
          body: a!.body.toString('base64'),
        });
      }
    } finally {
      await Promise.all([first?.close(), second?.close()]);
    }
  });
});
