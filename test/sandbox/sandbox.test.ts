import { describe, expect, it } from 'vitest';
import { isFindingId } from '../../src/findings/registry.ts';
import { SANDBOX_VENDORS, sandboxScenarios, startSandbox, type RunningSandbox, type SandboxVendor as VendorName } from '../../src/sandbox/index.ts';
import { call } from './support/call.ts';
import { createRateLimiter } from '../../src/sandbox/rate-limit.ts';

/** A successful request for each vendor, and the headers that authenticate it. */
function fixtureRequest(sandbox: RunningSandbox): { url: string; headers: Record<string, string> } {
  const { fixtures, credentials } = sandbox;
  switch (sandbox.vendor) {
    case 'whop':
      return { url: `${sandbox.url}/ledger_accounts/${fixtures.ledgerAccountId}`, headers: { authorization: `Bearer ${credentials.apiKey}` } };
    case 'midaz':
      return {
        url: `${sandbox.url}/v1/organizations/${fixtures.organizationId}/ledgers/${fixtures.ledgerId}/accounts/${fixtures.accountId}/balances`,
        headers: {},
      };
    case 'xendit':
      return {
        url: `${sandbox.url}/v2/accounts/${fixtures.accountId}`,
        headers: { authorization: `Basic ${Buffer.from(`${credentials.secretKey}:`).toString('base64')}` },
      };
    default:
      throw new Error(`no hand-made sandbox for ${sandbox.vendor}`);
  }
}

// The rate limiter's window never slides in these tests, however slowly a loaded machine sends the requests.
const FROZEN = () => 0;

async function withSandbox<T>(vendor: VendorName, options: Parameters<typeof startSandbox>[1], use: (sandbox: RunningSandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox(vendor, options);
  try {
    return await use(sandbox);
  } finally {
    await sandbox.close();
  }
}

describe.each(SANDBOX_VENDORS)('the %s sandbox', (vendor) => {
  it('serves the same ids, credentials and bodies on every start', async () => {
    const first = await withSandbox(vendor, {}, async (sandbox) => ({ sandbox, answer: await call(fixtureRequest(sandbox).url, fixtureRequest(sandbox).headers) }));
    const second = await withSandbox(vendor, {}, async (sandbox) => ({ sandbox, answer: await call(fixtureRequest(sandbox).url, fixtureRequest(sandbox).headers) }));
    expect(second.sandbox.fixtures).toEqual(first.sandbox.fixtures);
    expect(second.sandbox.credentials).toEqual(first.sandbox.credentials);
    expect(second.answer.status).toBe(200);
    expect(second.answer.body).toEqual(first.answer.body);
  });

  it('answers 429 with Retry-After above the rate, per credential', async () => {
    await withSandbox(vendor, { rateLimitPerSecond: 2, clock: FROZEN }, async (sandbox) => {
      const { url, headers } = fixtureRequest(sandbox);
      const authenticated = vendor === 'midaz' ? { authorization: 'Bearer some-client' } : headers;
      expect((await call(url, authenticated)).status).toBe(200);
      expect((await call(url, authenticated)).status).toBe(200);
      const refused = await call(url, authenticated);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(refused.body).toEqual(
        {
          whop: { error: { type: 'rate_limit_exceeded', message: 'Too many requests. Please retry later.' } },
          midaz: { code: '429', title: 'Too Many Requests', message: 'The request rate limit was exceeded. Please wait and try again.' },
          xendit: { error_code: 'RATE_LIMIT_EXCEEDED', message: 'You have exceeded the rate limit. Please retry later.' },
        }[vendor],
      );
      // Another credential has its own budget (for Midaz without auth, any Authorization value is a key).
      const otherCredential = { authorization: `${authenticated.authorization}-other` };
      expect((await call(url, otherCredential)).status).not.toBe(429);
    });
  });

  it('limits requests without a credential per client', async () => {
    await withSandbox(vendor, { rateLimitPerSecond: 1, clock: FROZEN }, async (sandbox) => {
      const { url } = fixtureRequest(sandbox);
      expect((await call(url)).status).not.toBe(429);
      expect((await call(url)).status).toBe(429);
    });
  });

  it('refuses an unknown scenario, naming the vendor, the name and the valid names', async () => {
    const valid = sandboxScenarios(vendor).map((scenario) => scenario.name);
    await expect(startSandbox(vendor, { scenario: 'no-such-drift' })).rejects.toThrow(
      `Unknown ${vendor} sandbox scenario 'no-such-drift'; valid scenarios: ${valid.join(', ')}`,
    );
  });

  it('documents a faithful scenario first, every scenario once, and the case and pointer of each finding', () => {
    const scenarios = sandboxScenarios(vendor);
    expect(scenarios[0]?.name).toBe('faithful');
    expect(new Set(scenarios.map((scenario) => scenario.name)).size).toBe(scenarios.length);
    expect(scenarios.length).toBeGreaterThanOrEqual(10);
    for (const scenario of scenarios) {
      expect(scenario.description.length).toBeGreaterThan(20);
      for (const expected of scenario.expectedFindings) {
        expect(isFindingId(expected.id), expected.id).toBe(true);
        if (expected.pointer !== null) expect(expected.pointer).toMatch(/^(\/[^/]+)+$/);
      }
      if (scenario.name !== 'faithful') expect(scenario.expectedFindings.length).toBeGreaterThan(sandboxScenarios(vendor)[0]!.expectedFindings.length);
    }
  });
});

describe('sandbox start-up', () => {
  it('refuses an unknown vendor, naming the valid ones', async () => {
    await expect(startSandbox('stripe' as VendorName)).rejects.toThrow("Unknown sandbox vendor 'stripe'; valid vendors: whop, midaz, xendit");
    expect(() => sandboxScenarios('stripe' as VendorName)).toThrow('valid vendors: whop, midaz, xendit');
  });

  it('refuses a port or rate that cannot work', async () => {
    await expect(startSandbox('whop', { port: 70000 })).rejects.toThrow('Invalid sandbox option port: 70000; expected an integer from 0 to 65535');
    await expect(startSandbox('whop', { rateLimitPerSecond: 0 })).rejects.toThrow('Invalid sandbox option rateLimitPerSecond: 0');
  });

  it('keeps scenarios per server instance: two sandboxes of one vendor answer each its own', async () => {
    const faithful = await startSandbox('whop');
    const drifted = await startSandbox('whop', { scenario: 'required-field-removed' });
    try {
      const fromFaithful = await call(fixtureRequest(faithful).url, fixtureRequest(faithful).headers);
      const fromDrifted = await call(fixtureRequest(drifted).url, fixtureRequest(drifted).headers);
      expect(fromFaithful.body).toHaveProperty('transfer_fee');
      expect(fromDrifted.body).not.toHaveProperty('transfer_fee');
      expect(drifted.scenario).toBe('required-field-removed');
    } finally {
      await Promise.all([faithful.close(), drifted.close()]);
    }
  });

  it('hands out copies: changing a returned scenario list or fixtures changes nothing', async () => {
    const scenarios = sandboxScenarios('midaz');
    scenarios[0]!.expectedFindings.push({ case: 'account', id: 'response-body-not-json', pointer: null });
    expect(sandboxScenarios('midaz')[0]!.expectedFindings).toEqual([]);
    await withSandbox('xendit', {}, async (sandbox) => {
      sandbox.fixtures.accountId = 'changed';
      await withSandbox('xendit', {}, async (again) => expect(again.fixtures.accountId).not.toBe('changed'));
    });
  });

  it('closes once, however often close is called', async () => {
    const sandbox = await startSandbox('xendit');
    await Promise.all([sandbox.close(), sandbox.close()]);
    await expect(sandbox.close()).resolves.toBeUndefined();
  });
});

describe('the rate limiter', () => {
  it('admits the limit within any sliding second, per key, and again once the admitted requests leave the window', () => {
    let now = 10_000;
    const limiter = createRateLimiter(2, () => now);
    expect([limiter.admit('a'), limiter.admit('a'), limiter.admit('a'), limiter.admit('b')]).toEqual([true, true, false, true]);
    now += 999;
    expect(limiter.admit('a')).toBe(false);
    now += 1;
    // The refusals at 10,000 and 10,999 used none of the budget: the whole limit is free again.
    expect([limiter.admit('a'), limiter.admit('a')]).toEqual([true, true]);
  });
});
