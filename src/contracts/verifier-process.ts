import type { IncomingHttpHeaders } from 'node:http';
import { Verifier } from '@pact-foundation/pact';
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
}

/** What the child answers; the parent then ends it (the native verifier can keep a crashed process alive). */
export type VerifierAnswer = { report: string } | { problem: string };

const answer = (message: VerifierAnswer) => process.send?.(message);

// The verifier's proxy throws, uncaught, when the vendor cannot be reached.
process.on('uncaughtException', (error) => answer({ problem: error.message }));
// Orphaned (conform verify died): end at once, without waiting on the native verifier.
process.once('disconnect', () => process.kill(process.pid, 'SIGKILL'));
process.once('message', (job: VerifierJob) => {
  void verify(job).then((report) => answer({ report }));
});

async function verify(job: VerifierJob): Promise<string> {
  const authNames = new Set(Object.values(job.credentialHeaders).flatMap((headers) => Object.keys(headers).map((name) => name.toLowerCase())));
  const verifier = new Verifier({
    provider: job.provider,
    providerBaseUrl: job.providerBaseUrl,
    pactUrls: [job.contractFile],
    logLevel: 'error',
    // Runs in the verifier's proxy before each request reaches the vendor.
    requestFilter: (request: { headers: IncomingHttpHeaders }, _response: unknown, next: () => void) => {
      const kind = String(request.headers[CREDENTIAL_HEADER] ?? 'valid');
      delete request.headers[CREDENTIAL_HEADER];
      for (const name of authNames) delete request.headers[name];
      Object.assign(request.headers, job.credentialHeaders[kind] ?? {});
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
