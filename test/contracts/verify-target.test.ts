import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callCli } from '../support/cli.ts';
import { LIVE, liveXendit, type LiveVendor } from '../support/live-vendors.ts';

/**
 * `conform verify` holds each vendor to the contract of the target it is configured for now: the
 * live contract for a live target, the sandbox contract for the embedded sandbox. The live stand-in
 * knows other fixtures than the sandbox (its account is LIVE.xenditAccount), so a target held to the
 * other kind's contract would break (404 where 200 was recorded).
 */
describe('conform verify picks the contract that matches the target', () => {
  let xendit: LiveVendor;
  let dir: string;
  let liveEnv: Record<string, string>;

  beforeAll(async () => {
    xendit = await liveXendit();
    dir = await mkdtemp(join(tmpdir(), 'conform-verify-target-'));
    liveEnv = { XENDIT_SECRET_KEY: LIVE.xenditKey, XENDIT_BASE_URL: xendit.url, XENDIT_ACCOUNT_ID: LIVE.xenditAccount };
    const outputs = { CONFORM_VENDORS: 'xendit', CONFORM_CONTRACTS_DIR: dir };
    expect((await callCli(['run'], outputs)).code).toBe(0);
    expect((await callCli(['run'], { ...outputs, ...liveEnv })).code).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['conform-xendit.json', 'conform-xendit.sandbox.json']);
  }, 120_000);

  afterAll(async () => {
    await xendit.close();
  });

  it('a live target: the live contract, verified against the live vendor', async () => {
    const run = await callCli(['verify', '--vendor', 'xendit'], { CONFORM_CONTRACTS_DIR: dir, ...liveEnv });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^xendit {2}4 verified, 0 broken, 0 skipped, 0 not verifiable \(.*conform-xendit\.json\)$/m);
    expect(run.code).toBe(0);
  }, 120_000);

  it('the embedded sandbox: the sandbox contract', async () => {
    const run = await callCli(['verify', '--vendor', 'xendit'], { CONFORM_CONTRACTS_DIR: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^xendit {2}5 verified, 0 broken, 0 skipped, 0 not verifiable \(.*conform-xendit\.sandbox\.json\)$/m);
    expect(run.code).toBe(0);
  }, 120_000);

  it('not asked for by name, a vendor with no contract yet is skipped with a line, the others verified; none at all is exit 2', async () => {
    const run = await callCli(['verify'], { CONFORM_VENDORS: 'whop,xendit', CONFORM_CONTRACTS_DIR: dir });
    expect(run.stderr).toBe(`conform verify: skipped: no contract at ${join(dir, 'conform-whop.sandbox.json')}; record one with: conform run, with the vendor on its embedded sandbox (faithful scenario)\n`);
    expect(run.stdout).toMatch(/^xendit {2}5 verified, 0 broken, 0 skipped, 0 not verifiable/m);
    expect(run.stdout).not.toMatch(/^whop /m);
    expect(run.code).toBe(0);
    const none = await callCli(['verify'], { CONFORM_VENDORS: 'whop', CONFORM_CONTRACTS_DIR: dir });
    expect(none.code).toBe(2);
  }, 120_000);

  it('without the live contract, the live vendor is not held to the sandbox one: exit 2, naming the missing file', async () => {
    const onlySandbox = await mkdtemp(join(tmpdir(), 'conform-only-sandbox-'));
    expect((await callCli(['run'], { CONFORM_VENDORS: 'xendit', CONFORM_CONTRACTS_DIR: onlySandbox })).code).toBe(0);
    expect(await readdir(onlySandbox)).toEqual(['conform-xendit.sandbox.json']);
    const run = await callCli(['verify', '--vendor', 'xendit'], { CONFORM_CONTRACTS_DIR: onlySandbox, ...liveEnv });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `conform verify: no contract at ${join(onlySandbox, 'conform-xendit.json')}; record one with: conform run, with the vendor's live variables set\n`,
    });
  }, 120_000);

  it('without the sandbox contract, the sandbox is not held to the live one: exit 2, naming the missing file', async () => {
    await rm(join(dir, 'conform-xendit.sandbox.json'));
    expect(await readdir(dir)).toEqual(['conform-xendit.json']);
    const run = await callCli(['verify', '--vendor', 'xendit'], { CONFORM_CONTRACTS_DIR: dir });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `conform verify: no contract at ${join(dir, 'conform-xendit.sandbox.json')}; record one with: conform run, with the vendor on its embedded sandbox (faithful scenario)\n`,
    });
  });
});
