import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { resolveRunConfig, startTargets } from '../../src/run/index.ts';
import { openRuntime, runCase } from '../../src/run/runtime.ts';
import { acmeCheckout, acmeVendorText } from '../support/acme-vendor.ts';

const LIMITED = (text: string) => text.replace('  baseUrl: ${ACME_BASE_URL}\n', '  baseUrl: ${ACME_BASE_URL}\n  concurrency: 1\n  rateLimit: 20\n');

/** A server that holds each answer until a second request is in flight, or 2 s pass: it sees how many a client sends at once. */
async function holdingServer(): Promise<{ url: string; mostInFlight: () => number; close: () => Promise<void> }> {
  let inFlight = 0;
  let most = 0;
  const held: Array<() => void> = [];
  const server = createServer((_request, response) => {
    inFlight++;
    most = Math.max(most, inFlight);
    const answer = () => {
      inFlight--;
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"wal_abcd1234","currency":"EUR","balance":1}');
    };
    held.push(answer);
    if (held.length >= 2) held.splice(0).forEach((release) => release());
    else setTimeout(() => held.splice(held.indexOf(answer), 1).forEach((release) => release()), 2_000);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, mostInFlight: () => most, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe("a vendor file's live concurrency and rate limit", () => {
  it('reach the live target, and never a sandbox one', async () => {
    const root = await acmeCheckout({ vendorText: LIMITED(await acmeVendorText()) });
    const live = resolveRunConfig({ ACME_API_KEY: 'k', ACME_BASE_URL: 'https://acme.example.test/v1' }, root).plans[0]!;
    expect(live.mode === 'live' && live.target.limits).toEqual({ concurrency: 1, rateLimit: 20 });
    const sandboxed = await startTargets(resolveRunConfig({}, root));
    try {
      expect(sandboxed.targets[0]!.limits).toEqual({ concurrency: null, rateLimit: null });
    } finally {
      await sandboxed.close();
    }
  });

  it('hold the requests in flight to the vendor to its concurrency, whatever the run allows', async () => {
    const roomy = (text: string) => text.replace('  baseUrl: ${ACME_BASE_URL}\n', '  baseUrl: ${ACME_BASE_URL}\n  concurrency: 8\n');
    // The vendor's limit, none (the run's 8), and the vendor's 8 under the run's 1: the smaller wins.
    for (const [edit, run, expected] of [[LIMITED, 8, 1], [(text: string) => text, 8, 2], [roomy, 1, 1]] as const) {
      const server = await holdingServer();
      const root = await acmeCheckout({ vendorText: edit(await acmeVendorText()) });
      const plan = resolveRunConfig({ ACME_API_KEY: 'k', ACME_BASE_URL: server.url, ACME_WALLET_ID: 'wal_abcd1234' }, root).plans[0]!;
      if (plan.mode !== 'live') throw new Error('not live');
      const runtime = await openRuntime(plan.target, { cwd: root, http: { concurrency: run } });
      try {
        const wallet = plan.target.cases.find((c) => c.name === 'wallet')!;
        await Promise.all([runCase(runtime, wallet), runCase(runtime, { ...wallet, name: 'wallet again' })]);
        expect(server.mostInFlight()).toBe(expected);
      } finally {
        await runtime.client.close();
        await server.close();
      }
    }
  });
});
