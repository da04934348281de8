import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/cli.ts';
import { CANARY, canaryValues, startCanaryVendor } from '../support/canary-vendor.ts';

/** Every file under a folder, recursively, as text. */
async function filesUnder(root: string): Promise<Array<{ file: string; text: string }>> {
  const names = (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  return Promise.all(names.map(async (entry) => ({ file: join(entry.parentPath, entry.name), text: await readFile(join(entry.parentPath, entry.name), 'utf8') })));
}

describe('secrets and personal data never reach an artifact', () => {
  let vendor: { url: string; close(): Promise<void> };
  let run: CliRun;
  let root: string;

  beforeAll(async () => {
    vendor = await startCanaryVendor();
    root = await mkdtemp(join(tmpdir(), 'conform-canary-'));
    run = await runCli(['run'], {
      CONFORM_VENDORS: 'whop',
      WHOP_API_KEY: CANARY.key,
      WHOP_API_KEY_LIMITED: CANARY.limitedKey,
      WHOP_BASE_URL: `${vendor.url}/api/v1`,
      WHOP_LEDGER_ACCOUNT_ID: 'ldgr_Canary0001',
      WHOP_COMPANY_ID: 'biz_Canary0001',
      WHOP_USER_ID: 'user_Canary0001',
      CONFORM_REPORTS_DIR: join(root, 'reports'),
      CONFORM_BASELINES_DIR: join(root, 'baselines'),
      CONFORM_CONTRACTS_DIR: join(root, 'contracts'),
      GITHUB_ACTIONS: 'true',
    });
  });

  afterAll(async () => {
    await vendor.close();
  });

  it('the run completes and writes reports, baselines and a contract', async () => {
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    const files = (await filesUnder(root)).map((f) => f.file);
    expect(files.some((f) => f.endsWith('whop.html'))).toBe(true);
    expect(files.some((f) => f.endsWith('junit.xml'))).toBe(true);
    expect(files.some((f) => f.includes('baselines'))).toBe(true);
    expect(files.some((f) => f.endsWith('conform-whop.json'))).toBe(true);
  });

  it('no canary appears in any file the run wrote, in any format', async () => {
    const files = await filesUnder(root);
    expect(files.length).toBeGreaterThan(10);
    for (const { file, text } of files) {
      for (const canary of canaryValues()) expect(text, `${canary} in ${file}`).not.toContain(canary);
    }
  });

  it('no canary appears in the log (stdout, stderr, GitHub annotations)', () => {
    expect(run.stdout).toContain('::');
    for (const canary of canaryValues()) expect(run.stdout + run.stderr, canary).not.toContain(canary);
  });

  it('the evidence still shows where the leaks were, masked', async () => {
    const report = JSON.parse(await readFile(join(root, 'reports', 'latest', 'whop.json'), 'utf8')) as { findings: Array<{ pointer: string; observed: string }> };
    const undocumented = report.findings.filter((f) => ['/debug_token', '/debug_url', '/contact_email'].includes(f.pointer));
    expect(undocumented.length).toBeGreaterThanOrEqual(3);
    expect(undocumented.map((f) => f.observed).join(' ')).toMatch(/\[redacted\]|example\.invalid/);
  });
});
