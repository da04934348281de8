import type { IncomingMessage, ServerResponse } from 'node:http';
// The Verifier's own module, not the package's index: that loads the consumer DSL too, twice the child's start-up CPU.
import { Verifier } from '@pact-foundation/pact/src/dsl/verifier/verifier.js';
// Not the http index: that would load undici into every verifier child for one status table.
import { isUnavailableStatus } from '../http/index.ts';
import { CREDENTIAL_HEADER } from './credentials.ts';

/**
 * The Pact Verifier, run in a child process of `conform verify` (see run-verifier.ts): it receives
 * one job over IPC, verifies one contract and sends back the verifier's JSON report. Credentials
 * arrive over IPC only, never in arguments or files.
 */
export interface VerifierJob {
  contractFile: string;
  provider: string;
  providerBaseUrl: string;
  /** Credential kind (the interaction's x-conform-credential header) -> the auth headers to send. */
  credentialHeaders: Record<string, Record<string, string>>;
  /** A production target: the proxy forwards GET and HEAD only, whatever the contract holds. */
  production: boolean;
}

/** A request the vendor answered 408, 429, 502, 503 or 504: unavailable, so its interaction is unverified. */
export interface UnavailableAnswer {
  method: string;
  /** As the verifier asked for it: the contract's path and query. */
  path: string;
  credential: string;
  status: number;
}

/** What the child answers; the parent then ends it (the native verifier can keep a crashed process alive). */
export type VerifierAnswer = { report: string; unavailable: UnavailableAnswer[] } | { problem: string };

const answer = (message: VerifierAnswer) => process.send?.(message);

// The verifier's proxy throws, uncaught, when the vendor cannot be reached.
process.on('uncaughtException', (error) => answer({ problem: error.message }));
// Orphaned (conform verify died): end at once, without waiting on the native verifier.
process.once('disconnect', () => process.kill(process.pid, 'SIGKILL'));
process.once('message', (job: VerifierJob) => {
  const unavailable: UnavailableAnswer[] = [];
  void verify(job, unavailable).then((report) => answer({ report, unavailable }));
});

async function verify(job: VerifierJob, unavailable: UnavailableAnswer[]): Promise<string> {
  const authNames = new Set(Object.values(job.credentialHeaders).flatMap((headers) => Object.keys(headers).map((name) => name.toLowerCase())));
  const verifier = new Verifier({
    provider: job.provider,
    providerBaseUrl: job.providerBaseUrl,
    pactUrls: [job.contractFile],
    logLevel: 'error',
    // Runs in the verifier's proxy before each request reaches the vendor.
    requestFilter: (request: IncomingMessage, response: ServerResponse, next: () => void) => {
      if (job.production && !READ_ONLY_METHODS.has(request.method ?? '') && request.url !== STATE_SETUP_PATH) {
        response.writeHead(405).end(`conform: ${request.method} is never sent to a production target`);
        return;
      }
      const kind = String(request.headers[CREDENTIAL_HEADER] ?? 'valid');
      const asked = { method: request.method ?? '', path: request.url ?? '/', credential: kind };
      response.once('finish', () => {
        if (isUnavailableStatus(response.statusCode)) unavailable.push({ ...asked, status: response.statusCode });
      });
      delete request.headers[CREDENTIAL_HEADER];
      for (const name of authNames) delete request.headers[name];
      Object.assign(request.headers, job.credentialHeaders[kind] ?? {});
      keepRedirectsInProxy(response, new URL(job.providerBaseUrl), request.url ?? '/');
      next();
    },
  });
  try {
    return await verifier.verifyProvider();
  } catch (error) {
    // A failed verification rejects with the same JSON report as its message.
    return error instanceof Error ? error.message : String(error);
  }
}

const READ_ONLY_METHODS = new Set(['GET', 'HEAD']);
// pact-js's proxy answers the verifier's provider-state calls (POST) on this path itself: they never reach the vendor.
const STATE_SETUP_PATH = '/_pactSetup';

/**
 * The verifier asks the proxy for PATH, and the proxy asks the vendor for BASE + PATH. A redirect's
 * Location is resolved against the URL the vendor was asked for; one that stays under the base URL
 * is handed to the verifier as the PATH to ask the proxy for, so the next hop is BASE + PATH again
 * (not BASE + BASE + PATH) and still carries its credential. Others are handed over absolute.
 */
function keepRedirectsInProxy(response: ServerResponse, base: URL, path: string): void {
  const basePath = base.pathname.replace(/\/+$/, '');
  const asked = new URL(basePath + path, base);
  const setHeader = response.setHeader.bind(response);
  response.setHeader = (name, value) => {
    if (name.toLowerCase() !== 'location' || typeof value !== 'string' || !URL.canParse(value, asked)) return setHeader(name, value);
    const target = new URL(value, asked);
    const inside = target.origin === base.origin && (target.pathname === basePath || target.pathname.startsWith(`${basePath}/`));
    return setHeader(name, inside ? `${target.pathname.slice(basePath.length) || '/'}${target.search}` : target.href);
  };
}
