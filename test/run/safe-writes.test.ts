import { spawn } from 'node:child_process';
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rename, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverLatest } from '../../src/report/writer.ts';
import { callCli, runCli } from '../support/cli.ts';
import { withOwners } from '../support/owners.ts';
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
    expect((await callCli(['run'], { CONFORM_VENDORS: 'whop', ...folders })).code).toBe(0);
    const before = await latestIsWhole(folders.CONFORM_REPORTS_DIR);
    const contract = await readFile(join(folders.CONFORM_CONTRACTS_DIR, 'conform-whop.sandbox.json'), 'utf8');
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
    expect(await readFile(join(folders.CONFORM_CONTRACTS_DIR, 'conform-whop.sandbox.json'), 'utf8')).toBe(contract);
    // The killed run was live: it left no contract of its own, whole or half-written.
    expect(await readdir(folders.CONFORM_CONTRACTS_DIR)).toEqual(['conform-whop.sandbox.json']);
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
    JSON.parse(await readFile(join(folders.CONFORM_CONTRACTS_DIR, 'conform-whop.sandbox.json'), 'utf8'));
  });
});

describe('stores survive a kill at the worst moment, and the next write clears what it left', () => {
  const latestSummary = async (reportsDir: string) => (await latestIsWhole(reportsDir)) as { startedAt: string };
  const folders = async (prefix: string) => {
    const root = await mkdtemp(join(tmpdir(), prefix));
    return { CONFORM_REPORTS_DIR: join(root, 'reports'), CONFORM_BASELINES_DIR: join(root, 'baselines'), CONFORM_CONTRACTS_DIR: join(root, 'contracts') };
  };

  /** A `conform run` (Whop's sandbox) that SIGKILLs itself at `point` (the CONFORM_TEST_KILL_AT test hook). */
  async function runKilledAt(point: string, dirs: Record<string, string>): Promise<NodeJS.Signals | null> {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'conform.js'), 'run'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...dirs, CONFORM_VENDORS: 'whop', CONFORM_TEST_KILL_AT: point },
      stdio: 'ignore',
    });
    return new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  }

  const hidden = async (dir: string) => (await readdir(dir)).filter((name) => name.startsWith('.') || name.includes('.retired-') || name.includes('.tmp-')).sort();
  const run = (dirs: Record<string, string>) => callCli(['run'], { ...dirs, CONFORM_VENDORS: 'whop' });

  it('killed between the two renames: latest is the previous whole set; the next run leaves only its own set', async () => {
    const dirs = await folders('conform-kill-renames-');
    expect((await run(dirs)).code).toBe(0);
    const before = await latestSummary(dirs.CONFORM_REPORTS_DIR);

    expect(await runKilledAt('between-renames', dirs)).toBe('SIGKILL');
    expect(await latestSummary(dirs.CONFORM_REPORTS_DIR)).toEqual(before);
    expect((await hidden(dirs.CONFORM_REPORTS_DIR)).length).toBeGreaterThan(1);

    expect((await run(dirs)).code).toBe(0);
    expect((await latestSummary(dirs.CONFORM_REPORTS_DIR)).startedAt).not.toBe(before.startedAt);
    expect(await hidden(dirs.CONFORM_REPORTS_DIR)).toEqual([await readlink(join(dirs.CONFORM_REPORTS_DIR, 'latest'))]);
  });

  it('a latest folder from before latest was a link: killed while replacing it, the next run puts it back and links it', async () => {
    const dirs = await folders('conform-kill-migrate-');
    expect((await run(dirs)).code).toBe(0);
    const latest = join(dirs.CONFORM_REPORTS_DIR, 'latest');
    const before = await latestSummary(dirs.CONFORM_REPORTS_DIR);
    // As an older conform left it: latest a plain folder.
    const target = join(dirs.CONFORM_REPORTS_DIR, await readlink(latest));
    await rm(latest);
    await cp(target, join(dirs.CONFORM_REPORTS_DIR, 'old-latest'), { recursive: true });
    await rm(target, { recursive: true });
    await rename(join(dirs.CONFORM_REPORTS_DIR, 'old-latest'), latest);

    expect(await runKilledAt('between-renames', dirs)).toBe('SIGKILL');
    expect((await hidden(dirs.CONFORM_REPORTS_DIR)).some((name) => name.startsWith('latest.retired-'))).toBe(true);

    expect((await run(dirs)).code).toBe(0);
    expect((await lstat(latest)).isSymbolicLink()).toBe(true);
    expect((await latestSummary(dirs.CONFORM_REPORTS_DIR)).startedAt).not.toBe(before.startedAt);
    expect(await hidden(dirs.CONFORM_REPORTS_DIR)).toEqual([await readlink(latest)]);
  });

  it('killed with a contract staged: the previous contract stays; the next run removes the temporary files', async () => {
    const dirs = await folders('conform-kill-contract-');
    expect((await run(dirs)).code).toBe(0);
    const file = join(dirs.CONFORM_CONTRACTS_DIR, 'conform-whop.sandbox.json');
    const contract = await readFile(file, 'utf8');

    expect(await runKilledAt('staged:conform-whop.sandbox.json', dirs)).toBe('SIGKILL');
    expect(await readFile(file, 'utf8')).toBe(contract);
    // The contract's staged text, and the interactions it was being written from (spilled-pact.ts).
    expect(await hidden(dirs.CONFORM_CONTRACTS_DIR)).toEqual([expect.stringMatching(/^conform-whop\.sandbox\.json\.interactions\.tmp-\d+-/), expect.stringMatching(/^conform-whop\.sandbox\.json\.tmp-\d+-/)]);

    expect((await run(dirs)).code).toBe(0);
    expect(await hidden(dirs.CONFORM_CONTRACTS_DIR)).toEqual([]);
  });

  it('killed with a baseline staged: no half baseline; the next run writes it and removes the temporary file', async () => {
    const dirs = await folders('conform-kill-baseline-');
    expect(await runKilledAt('staged:whop.sandbox.json', dirs)).toBe('SIGKILL');
    expect(await readdir(dirs.CONFORM_BASELINES_DIR)).toEqual([expect.stringMatching(/^whop\.sandbox\.json\.tmp-\d+-/)]);

    expect((await run(dirs)).code).toBe(0);
    expect(await readdir(dirs.CONFORM_BASELINES_DIR)).toEqual(['whop.sandbox.json']);
    JSON.parse(await readFile(join(dirs.CONFORM_BASELINES_DIR, 'whop.sandbox.json'), 'utf8'));
  });
});

describe('leftovers are told from work in progress by their owner', () => {
  it("removes what a process that is gone left, and keeps a live run's staging and its retired latest", async () => {
    const reportsDir = await mkdtemp(join(tmpdir(), 'conform-leftovers-'));
    await withOwners(async ({ gone, live }) => {
      const names = [`.staging-${gone}-1-0`, `.set-${gone}-1-1`, `.staging-${live}-1-0`, `latest.retired-${live}-1-2`];
      for (const name of names) await mkdir(join(reportsDir, name));
      await recoverLatest(reportsDir);
      // latest is missing while the live run swaps: it is that run's to put back, not restored from under it.
      expect((await readdir(reportsDir)).sort()).toEqual([`.staging-${live}-1-0`, `latest.retired-${live}-1-2`]);
    });
  });
});
