import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { readBody } from '../support/fixtures.ts';
import { REPO_ROOT } from '../support/paths.ts';

/** Every file of reports/latest parses (JSON) or is non-empty (the rest): a whole set, not a torn one. */
async function latestIsWhole(reportsDir: string): Promise<Record<string, unknown>> {
  const latest = join(reportsDir, 'latest');
  const files = await readdir(latest);
  expect(files).toEqual(expect.arrayContaining(['summary.json', 'whop.json', 'whop.html', 'junit.xml', 'results.json']));
  for (const file of files) {
    const text = await readFile(join(latest, file), 'utf8');
    expect(text.length, file).toBeGreaterThan(0);
    if (file.endsWith('.json')) JSON.parse(text);
  }
  return JSON.parse(await readFile(join(latest, 'summary.json'), 'utf8')) as Record<string, unknown>;
}

describe('safe writes', () => {
  let slow: Server;
  let slowUrl: string;
  let firstRequest: Promise<void>;

  beforeAll(async () => {
    let seen: () => void;
    firstRequest = new Promise((resolve) => (seen = resolve));
    // A vendor that takes its time: a run against it is still in flight when it is killed.
    slow = createServer((_request, response) => {
      seen();
      setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(readBody('whop-ledger-account.json'))), 20_000).unref();
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    slow.closeAllConnections();
    await new Promise((resolve) => slow.close(resolve));
  });

  it('a run killed mid-way leaves the previous reports, baselines and contracts intact and readable', async () => {
    const root = await mkdtemp(join(tmpdir(), 'conform-kill-'));
    const folders = { CONFORM_REPORTS_DIR: join(root, 'reports'), CONFORM_BASELINES_DIR: join(root, 'baselines'), CONFORM_CONTRACTS_DIR: join(root, 'contracts') };
    expect((await runCli(['run'], { CONFORM_VENDORS: 'whop', ...folders })).code).toBe(0);
    const before = await latestIsWhole(folders.CONFORM_REPORTS_DIR);
    const contract = await readFile(join(folders.CONFORM_CONTRACTS_DIR, 'conform-whop.json'), 'utf8');
    const baseline = await readFile(join(folders.CONFORM_BASELINES_DIR, 'whop.sandbox.json'), 'utf8');

    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'conform.js'), 'run'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, ...folders, CONFORM_VENDORS: 'whop', WHOP_API_KEY: 'k_slow_0001', WHOP_BASE_URL: `${slowUrl}/api/v1`, WHOP_LEDGER_ACCOUNT_ID: 'ldgr_Slow0001' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await firstRequest;
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(await latestIsWhole(folders.CONFORM_REPORTS_DIR)).toEqual(before);
    expect(await readFile(join(folders.CONFORM_CONTRACTS_DIR, 'conform-whop.json'), 'utf8')).toBe(contract);
    expect(await readFile(join(folders.CONFORM_BASELINES_DIR, 'whop.sandbox.json'), 'utf8')).toBe(baseline);
  });

  it('two runs at once both land whole: latest is one of them, and history keeps both', async () => {
    const root = await mkdtemp(join(tmpdir(), 'conform-twice-'));
    const folders = { CONFORM_REPORTS_DIR: join(root, 'reports'), CONFORM_BASELINES_DIR: join(root, 'baselines'), CONFORM_CONTRACTS_DIR: join(root, 'contracts') };
    const [one, two] = await Promise.all([
      runCli(['run'], { CONFORM_VENDORS: 'whop', ...folders }),
      runCli(['run'], { CONFORM_VENDORS: 'whop', WHOP_SANDBOX_SCENARIO: 'amounts-as-strings', ...folders }),
    ]);
    expect([one.stderr, two.stderr]).toEqual(['', '']);
    const latest = await latestIsWhole(folders.CONFORM_REPORTS_DIR);
    const runs = (await readdir(join(folders.CONFORM_REPORTS_DIR, 'runs'))).filter((name) => !name.startsWith('.'));
    expect(runs).toHaveLength(2);
    const starts = await Promise.all(runs.map(async (run) => JSON.parse(await readFile(join(folders.CONFORM_REPORTS_DIR, 'runs', run, 'summary.json'), 'utf8')).startedAt as string));
    expect(starts).toContain(latest.startedAt);
    JSON.parse(await readFile(join(folders.CONFORM_CONTRACTS_DIR, 'conform-whop.json'), 'utf8'));
  });
});
