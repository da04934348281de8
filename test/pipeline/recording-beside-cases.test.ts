import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../src/pipeline/index.ts';
import { acmeCheckout, acmeVendorText } from '../support/acme-vendor.ts';
import { pactProcesses } from '../support/pact-processes.ts';

const CASES = 150;
// More than one chunk (CHUNK_INTERACTIONS, 100) answered before the server holds the rest.
const ANSWERED_FREELY = 120;
// A bound on the hold, so a run whose recording waits for the suites fails instead of hanging.
const MOST_HELD_MS = 15_000;

const WALLET = '{"id":"wal_abcd1234","currency":"EUR","balance":1}';

/** Acme's vendor file with CASES cases of one wallet instead of its own. */
async function manyCases(): Promise<string> {
  const text = await acmeVendorText();
  const cases = Array.from({ length: CASES }, (_, i) => `  - name: wallet ${i}\n    operation: GET /wallets/{wallet_id}\n    params:\n      wallet_id: { fixture: wallet }\n    expectStatus: 200\n`);
  return `${text.slice(0, text.indexOf('cases:\n'))}cases:\n${cases.join('')}`;
}

/**
 * Acme, live: answers ANSWERED_FREELY requests at once, then holds each later one until this process has a
 * pact-core process (the recording took a chunk while cases still wait), or MOST_HELD_MS pass after the first is held.
 */
async function acmeHoldingLastCases(): Promise<{ url: string; pactSeenWhileHeld: () => boolean; close: () => Promise<void> }> {
  let answered = 0;
  let seen = false;
  let holdEnds = Infinity;
  const server = createServer((_request, response) => {
    const answer = () => response.writeHead(200, { 'content-type': 'application/json' }).end(WALLET);
    if (++answered <= ANSWERED_FREELY) return answer();
    holdEnds = Math.min(holdEnds, Date.now() + MOST_HELD_MS);
    const poll = () => {
      if (pactProcesses().length > 0) seen = true;
      if (seen || Date.now() > holdEnds) answer();
      else setTimeout(poll, 20);
    };
    poll();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    pactSeenWhileHeld: () => seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe.skipIf(process.platform !== 'linux')('a run with more cases than one chunk', () => {
  it("feeds the contract recording while its cases run: pact-core writes a chunk before the last cases are answered", async () => {
    const server = await acmeHoldingLastCases();
    const root = await acmeCheckout({ vendorText: await manyCases() });
    try {
      const outcome = await runConformance({ cwd: root, env: { ACME_API_KEY: 'k', ACME_BASE_URL: server.url, ACME_WALLET_ID: 'wal_abcd1234' }, print: () => undefined });
      expect(outcome.results).toHaveLength(CASES);
      expect(server.pactSeenWhileHeld()).toBe(true);
      const contract = JSON.parse(await readFile(join(root, 'contracts', 'conform-acme.json'), 'utf8')) as { interactions: unknown[] };
      expect(contract.interactions).toHaveLength(CASES);
    } finally {
      await server.close();
    }
  }, 60_000);
});
