import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Pact Broker (none can run here: no Docker, no Ruby), built from the
 * Broker's documented resources and answers (its HAL index, `POST /contracts/publish`, the pact for a
 * consumer version with `pb:publish-verification-results`, verification results, branch versions,
 * pacticipant versions with `pb:record-deployment`, `/matrix`), for exactly the calls conform makes. It
 * keeps what was published, verified and deployed and answers the matrix from it (`deploy` seeds a
 * deployment, in any environment, as record-deployment would). Every request needs the
 * token or the user name and password it was started with; every request is recorded.
 */
export interface BrokerStandIn {
  url: string;
  requests: RecordedRequest[];
  /** Records that `version` of `pacticipant` is deployed to `environment` (what record-deployment does). */
  deploy(pacticipant: string, version: string, environment: string): void;
  /** The next request whose path starts with `path` gets this answer instead. */
  failNext(path: string, answer: { status: number; body: string; contentType?: string }): void;
  close(): Promise<void>;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface StandInOptions {
  token?: string;
  username?: string;
  password?: string;
  /** Echo the Authorization header received, decoded and encoded, in every notice: a hostile broker. */
  echoCredentials?: boolean;
  /** The environments deployments can be recorded in (default: the two a new Broker is seeded with). */
  environments?: string[];
}

interface Pact {
  consumer: string;
  provider: string;
  consumerVersion: string;
  sha: string;
  content: Record<string, unknown>;
}

interface Verification {
  provider: string;
  providerVersion: string;
  sha: string;
  success: boolean;
  body: Record<string, unknown>;
}

const CANARY_TOKEN = 'pact_broker.Token_Echo+0123456789/abcdefghijklmnopqrstuvwxyz=ABCDEFGHIJ';
const CANARY_USER = 'ci.broker_echo';
const CANARY_PASSWORD = 'pw.Broker_Echo+Secret/0123456789=abcdefghijklmnopqrstuvwxyz';

/** Broker credentials for redaction tests: how the stand-in expects each, the variables that send it, the secrets it holds. */
export const CANARY_CREDENTIALS = [
  { name: 'a token', options: { token: CANARY_TOKEN }, env: { PACT_BROKER_TOKEN: CANARY_TOKEN }, wrong: { PACT_BROKER_TOKEN: `${CANARY_TOKEN}-wrong` }, secrets: [CANARY_TOKEN] },
  {
    name: 'a user name and password',
    options: { username: CANARY_USER, password: CANARY_PASSWORD },
    env: { PACT_BROKER_USERNAME: CANARY_USER, PACT_BROKER_PASSWORD: CANARY_PASSWORD },
    wrong: { PACT_BROKER_USERNAME: CANARY_USER, PACT_BROKER_PASSWORD: `${CANARY_PASSWORD}-wrong` },
    secrets: [CANARY_USER, CANARY_PASSWORD],
  },
] as const;

/** A secret as a leak would show it: plain, base64 and URL-encoded. */
export const canaryForms = (secret: string): string[] => [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)];

export async function startBrokerStandIn(options: StandInOptions): Promise<BrokerStandIn> {
  const requests: RecordedRequest[] = [];
  const pacts: Pact[] = [];
  const verifications: Verification[] = [];
  /** pacticipant -> versions in the order they were created, with their branch. */
  const versions = new Map<string, Array<{ number: string; branch: string | null }>>();
  const deployed = new Map<string, Map<string, string>>();
  const faults: Array<{ path: string; status: number; body: string; contentType?: string }> = [];
  const environments = options.environments ?? ['production', 'test'];
  let base = '';
  const deploy = (pacticipant: string, version: string, environment: string) => {
    const where = deployed.get(environment) ?? new Map<string, string>();
    deployed.set(environment, where.set(pacticipant, version));
  };

  const ensureVersion = (pacticipant: string, number: string, branch: string | null = null) => {
    const list = versions.get(pacticipant) ?? [];
    versions.set(pacticipant, list);
    const found = list.find((version) => version.number === number);
    if (found) found.branch ??= branch;
    else list.push({ number, branch });
  };

  const routes: Array<[string, RegExp, (match: string[], body: unknown, url: URL) => [number, unknown]]> = [
    ['GET', /^\/$/, () => [200, { _links: index(base) }]],
    [
      'POST',
      /^\/contracts\/publish$/,
      (_, body) => {
        const publication = body as { pacticipantName: string; pacticipantVersionNumber: string; branch?: string; contracts: Array<{ consumerName: string; providerName: string; content: string }> };
        ensureVersion(publication.pacticipantName, publication.pacticipantVersionNumber, publication.branch ?? null);
        for (const contract of publication.contracts) {
          const text = Buffer.from(contract.content, 'base64').toString('utf8');
          const sha = createHash('sha1').update(text).digest('hex');
          const same = (pact: Pact) => pact.consumer === contract.consumerName && pact.provider === contract.providerName && pact.consumerVersion === publication.pacticipantVersionNumber;
          pacts.splice(0, pacts.length, ...pacts.filter((pact) => !same(pact)));
          pacts.push({ consumer: contract.consumerName, provider: contract.providerName, consumerVersion: publication.pacticipantVersionNumber, sha, content: withInteractionIds(JSON.parse(text) as Record<string, unknown>) });
        }
        const notices = [{ type: 'success', text: `Pacts successfully published for ${publication.pacticipantName} version ${publication.pacticipantVersionNumber}` }];
        return [200, { notices, _links: { 'pb:pacticipant-version': { href: `${base}/pacticipants/${encodeURIComponent(publication.pacticipantName)}/versions/${encodeURIComponent(publication.pacticipantVersionNumber)}` } } }];
      },
    ],
    [
      'GET',
      /^\/pacts\/provider\/([^/]+)\/consumer\/([^/]+)\/version\/([^/]+)$/,
      ([provider, consumer, version]) => {
        const pact = pacts.find((p) => p.provider === provider && p.consumer === consumer && p.consumerVersion === version);
        if (!pact) return [404, { error: `No pact found between ${consumer} version ${version} and ${provider}` }];
        const path = `/pacts/provider/${encodeURIComponent(pact.provider)}/consumer/${encodeURIComponent(pact.consumer)}/pact-version/${pact.sha}`;
        const links = {
          self: { title: 'Pact', href: `${base}${path}/metadata/x` },
          'pb:consumer-version': { title: 'Consumer version', name: version, href: `${base}/pacticipants/${encodeURIComponent(consumer!)}/versions/${encodeURIComponent(version!)}` },
          'pb:publish-verification-results': { title: 'Publish verification results', href: `${base}${path}/verification-results` },
        };
        return [200, { ...pact.content, _links: links }];
      },
    ],
    [
      'POST',
      /^\/pacts\/provider\/([^/]+)\/consumer\/([^/]+)\/pact-version\/([0-9a-f]+)\/verification-results$/,
      ([provider, , sha], body) => {
        const result = body as { success?: unknown; providerApplicationVersion?: unknown };
        const errors: Record<string, string[]> = {};
        if (typeof result.success !== 'boolean') errors.success = ["can't be blank"];
        if (typeof result.providerApplicationVersion !== 'string' || result.providerApplicationVersion === '') errors.providerApplicationVersion = ["can't be blank"];
        if (Object.keys(errors).length > 0) return [400, { errors }];
        if (!pacts.some((pact) => pact.sha === sha)) return [404, { error: 'No pact found' }];
        const providerVersion = result.providerApplicationVersion as string;
        ensureVersion(provider!, providerVersion);
        verifications.push({ provider: provider!, providerVersion, sha: sha!, success: result.success as boolean, body: body as Record<string, unknown> });
        return [201, { providerName: provider, providerApplicationVersion: providerVersion, success: result.success, verificationDate: new Date(0).toISOString(), _links: { self: { href: `${base}/verification-results/${verifications.length}` } } }];
      },
    ],
    [
      'PUT',
      /^\/pacticipants\/([^/]+)\/branches\/([^/]+)\/versions\/([^/]+)$/,
      ([pacticipant, branch, version]) => {
        ensureVersion(pacticipant!, version!, branch!);
        return [200, { number: version, _links: { self: { href: `${base}/pacticipants/${encodeURIComponent(pacticipant!)}/versions/${encodeURIComponent(version!)}` } } }];
      },
    ],
    [
      'GET',
      /^\/pacticipants\/([^/]+)\/versions\/([^/]+)$/,
      ([pacticipant, version]) => {
        if (!(versions.get(pacticipant!) ?? []).some((v) => v.number === version)) return [404, { error: `No version ${version} of ${pacticipant}` }];
        const path = `${base}/pacticipants/${encodeURIComponent(pacticipant!)}/versions/${encodeURIComponent(version!)}`;
        const recordDeployment = environments.map((name) => ({ name, title: `Record deployment to ${name}`, href: `${path}/deployed-versions/environment/${encodeURIComponent(name)}` }));
        return [200, { number: version, branch: branchOf(pacticipant!, version!), _links: { self: { href: path }, 'pb:record-deployment': recordDeployment } }];
      },
    ],
    [
      'POST',
      /^\/pacticipants\/([^/]+)\/versions\/([^/]+)\/deployed-versions\/environment\/([^/]+)$/,
      ([pacticipant, version, environment]) => {
        if (!environments.includes(environment!)) return [404, { error: `No environment ${environment}` }];
        deploy(pacticipant!, version!, environment!);
        return [201, { currentlyDeployed: true, _embedded: { version: { number: version } } }];
      },
    ],
    ['GET', /^\/matrix$/, (_, __, url) => matrix(url.searchParams)],
  ];

  /** The matrix for one selector (latestby=cvp), computed from what was published and verified. */
  function matrix(query: URLSearchParams): [number, unknown] {
    const pacticipant = query.get('q[][pacticipant]');
    // One selector, as can-i-deploy asks (the Ruby Pact CLI sends latestby=cvp, the Rust one cvpv with an environment).
    if (!pacticipant || query.getAll('q[][pacticipant]').length !== 1 || !['cvp', 'cvpv'].includes(query.get('latestby') ?? '')) return [400, { errors: ['the stand-in answers one selector, latestby=cvp or cvpv'] }];
    const branch = query.get('q[][branch]');
    const asked = query.get('q[][version]');
    const environment = query.get('environment');
    const candidates = (versions.get(pacticipant) ?? []).filter((version) => branch === null || version.branch === branch);
    const version = asked ?? candidates.at(-1)?.number ?? null;
    const described = asked ? `version ${asked} of ${pacticipant}` : `the latest version of ${pacticipant}${branch ? ` from branch ${branch}` : ''} (${version ?? 'none'})`;
    if (version === null || !(versions.get(pacticipant) ?? []).some((v) => v.number === version)) {
      const reason = asked ? `No pacts or verifications have been published for version ${asked} of ${pacticipant}` : `No pacts or verifications have been published for ${pacticipant}${branch ? ` on branch ${branch}` : ''}`;
      return [200, answer(false, [reason], [])];
    }
    const rows: unknown[] = [];
    const failures: string[] = [];
    for (const pact of pacts.filter((p) => p.consumer === pacticipant && p.consumerVersion === version)) {
      const providerVersion = environment ? (deployed.get(environment)?.get(pact.provider) ?? null) : (versions.get(pact.provider)?.at(-1)?.number ?? null);
      const other = environment ? `the version of ${pact.provider} currently in ${environment} (${providerVersion ?? 'none'})` : `the latest version of ${pact.provider} (${providerVersion ?? 'none'})`;
      const result = verifications.filter((v) => v.sha === pact.sha && v.provider === pact.provider && v.providerVersion === providerVersion).at(-1) ?? null;
      rows.push(row(pact, providerVersion, result));
      if (result === null) failures.push(`There is no verified pact between ${described} and ${other}`);
      else if (!result.success) failures.push(`The verification for the pact between ${described} and ${other} failed`);
    }
    if (failures.length > 0) return [200, answer(false, failures, rows)];
    return [200, answer(true, [rows.length > 0 ? 'All required verification results are published and successful' : 'There are no missing dependencies'], rows)];
  }

  function row(pact: Pact, providerVersion: string | null, result: Verification | null) {
    return {
      consumer: { name: pact.consumer, version: { number: pact.consumerVersion, branch: branchOf(pact.consumer, pact.consumerVersion) } },
      provider: { name: pact.provider, version: providerVersion === null ? null : { number: providerVersion, branch: branchOf(pact.provider, providerVersion) } },
      pact: { createdAt: new Date(0).toISOString() },
      verificationResult: result === null ? null : { success: result.success, verifiedAt: new Date(0).toISOString() },
    };
  }

  const branchOf = (pacticipant: string, number: string) => versions.get(pacticipant)?.find((v) => v.number === number)?.branch ?? null;

  const answer = (deployable: boolean, reasons: string[], rows: unknown[]) => ({
    summary: { deployable, reason: reasons.join('\n'), success: rows.filter((r) => (r as { verificationResult: { success?: boolean } | null }).verificationResult?.success === true).length, failed: 0, unknown: 0 },
    notices: reasons.map((text) => ({ type: deployable ? 'success' : 'error', text })),
    matrix: rows,
  });

  const expected = options.token ? `Bearer ${options.token}` : `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;

  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', base);
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const send = (status: number, payload: unknown, contentType = 'application/hal+json;charset=utf-8') => {
        response.writeHead(status, { 'content-type': contentType }).end(typeof payload === 'string' ? payload : JSON.stringify(payload));
      };
      const fault = faults.findIndex((f) => url.pathname.startsWith(f.path));
      if (fault !== -1) {
        const { status, body: faultBody, contentType } = faults.splice(fault, 1)[0]!;
        return send(status, faultBody, contentType);
      }
      const echo = options.echoCredentials ? echoes(request.headers.authorization ?? '') : [];
      if (request.headers.authorization !== expected) return send(401, { error: ['Unauthorized', ...echo].join(' ') });
      for (const [method, pattern, handle] of routes) {
        const match = pattern.exec(url.pathname);
        if (method !== request.method || !match) continue;
        const [status, payload] = handle(match.slice(1).map(decodeURIComponent), body, url);
        const withEcho = echo.length > 0 && payload && typeof payload === 'object' ? { ...payload, notices: [...((payload as { notices?: unknown[] }).notices ?? []), ...echo.map((e) => ({ type: 'info', text: e }))] } : payload;
        return send(status, withEcho);
      }
      send(404, { error: `no resource at ${request.method} ${url.pathname}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    deploy,
    failNext: (path, fault) => faults.push({ path, ...fault }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The index's links conform follows, as the Broker documents them. */
function index(base: string) {
  return {
    self: { href: base, title: 'Index', templated: false },
    'pb:publish-contracts': { href: `${base}/contracts/publish`, title: 'Publish contracts', templated: false },
    'pb:publish-pact': { href: `${base}/pacts/provider/{provider}/consumer/{consumer}/version/{consumerApplicationVersion}`, title: 'Publish a pact', templated: true },
    'pb:pacticipant-version': { href: `${base}/pacticipants/{pacticipant}/versions/{version}`, title: 'Get, create or delete a pacticipant version', templated: true },
    'pb:pacticipant-branch-version': { href: `${base}/pacticipants/{pacticipant}/branches/{branch}/versions/{version}`, title: 'Get or add/create a pacticipant version for a branch', templated: true },
    curies: [{ name: 'pb', href: `${base}/doc/{rel}?context=index`, templated: true }],
  };
}

/** What a hostile broker echoes of the Authorization header: as sent, decoded, and URL-encoded. */
function echoes(authorization: string): string[] {
  const credential = authorization.replace(/^(Bearer|Basic) /, '');
  const decoded = authorization.startsWith('Basic ') ? Buffer.from(credential, 'base64').toString('utf8') : credential;
  return [authorization, decoded, encodeURIComponent(decoded), Buffer.from(decoded).toString('base64')];
}

/** As the Broker stores a pact: each interaction gets an `_id` (pact_broker's Content#with_ids), which it answers with. */
function withInteractionIds(content: Record<string, unknown>): Record<string, unknown> {
  const interactions = content.interactions;
  if (!Array.isArray(interactions)) return content;
  return { ...content, interactions: interactions.map((interaction: Record<string, unknown>) => ({ _id: createHash('sha1').update(JSON.stringify(interaction)).digest('hex'), ...interaction })) };
}
