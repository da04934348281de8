import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineUpdateCommand } from '../../../src/cli/baseline-update.ts';
import type { CliIo } from '../../../src/cli/io.ts';
import { compareToBaseline, readBaseline } from '../../../src/judge/baseline/index.ts';
import type { CaseResult } from '../../../src/results/index.ts';
import { runWhop, runWhopSplit, startFaultServer } from './whop-run.ts';

function capture(cwd: string, env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { cwd, env, stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t) };
  return { io, out };
}

async function storeRun(cwd: string, results: CaseResult[], reportsDir = 'reports'): Promise<void> {
  await mkdir(join(cwd, reportsDir, 'latest'), { recursive: true });
  await writeFile(join(cwd, reportsDir, 'latest', 'results.json'), JSON.stringify(results));
}

describe('conform baseline update', () => {
  it('creates the baseline from the latest run, then accepts a drifted run so the drift is no longer a change', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'conform-update-'));
    await storeRun(cwd, await runWhop());
    const first = capture(cwd);
    expect(await baselineUpdateCommand([], first.io)).toBe(0);
    expect(first.out).toEqual({ stdout: 'baselines/whop.sandbox.json: created; 0 finding(s) now known\n', stderr: '' });

    const drifted = await runWhop({ scenario: 'status-drift' });
    expect(compareToBaseline((await readBaseline(join(cwd, 'baselines'), 'whop', 'sandbox'))!, drifted, 'whop').shapeFindings).toHaveLength(1);
    await storeRun(cwd, drifted);
    const second = capture(cwd);
    expect(await baselineUpdateCommand(['--vendor', 'whop'], second.io)).toBe(0);
    expect(second.out.stdout).toBe('baselines/whop.sandbox.json: updated; 1 finding(s) now known\n');
    const baseline = (await readBaseline(join(cwd, 'baselines'), 'whop', 'sandbox'))!;
    expect(compareToBaseline(baseline, drifted, 'whop').shapeFindings).toEqual([]);
    expect(baseline.findings.map((f) => f.fingerprint)).toEqual([...new Set(drifted.flatMap((r) => r.findings.map((f) => f.fingerprint)))]);
  });

  it('reads and writes where CONFORM_REPORTS_DIR and CONFORM_BASELINES_DIR say', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'conform-update-'));
    await storeRun(cwd, await runWhop(), 'out');
    const { io, out } = capture(cwd, { CONFORM_REPORTS_DIR: 'out', CONFORM_BASELINES_DIR: 'shapes' });
    expect(await baselineUpdateCommand([], io)).toBe(0);
    expect(out.stdout).toBe('shapes/whop.sandbox.json: created; 0 finding(s) now known\n');
    expect(JSON.parse(await readFile(join(cwd, 'shapes', 'whop.sandbox.json'), 'utf8'))).toMatchObject({ version: 2, vendor: 'whop', mode: 'sandbox' });
  });

  it('warns when a case that answered before did not answer in the run it accepts', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'conform-update-'));
    await storeRun(cwd, await runWhop());
    expect(await baselineUpdateCommand([], capture(cwd).io)).toBe(0);
    const fault = await startFaultServer('reset');
    try {
      await storeRun(cwd, await runWhopSplit(['by company id', 'by user id', 'unknown id', 'malformed id', 'missing credentials', 'invalid credentials', 'insufficient scope'], fault.origin));
    } finally {
      await fault.close();
    }
    const { io, out } = capture(cwd);
    expect(await baselineUpdateCommand([], io)).toBe(0);
    expect(out.stderr).toBe('warning: whop: "by ledger account id" answered before but not in this run (transport-error); what only they showed is no longer seen in every run\n');
  });

  it('leaves the baseline as it is when nothing in the latest run answered verifiably', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'conform-update-'));
    await storeRun(cwd, await runWhop());
    expect(await baselineUpdateCommand([], capture(cwd).io)).toBe(0);
    const file = join(cwd, 'baselines', 'whop.sandbox.json');
    const accepted = await readFile(file, 'utf8');
    const fault = await startFaultServer(503);
    try {
      await storeRun(cwd, await runWhop({ origin: fault.origin }));
    } finally {
      await fault.close();
    }
    const { io, out } = capture(cwd);
    expect(await baselineUpdateCommand([], io)).toBe(0);
    expect(out).toEqual({ stdout: '', stderr: 'warning: whop: no case answered verifiably in the latest run (transport errors, 408, 429, 5xx or cut bodies); its baseline is left as it is\n' });
    expect(await readFile(file, 'utf8')).toBe(accepted);
  });

  it('without a stored run: one line, exit 2', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'conform-update-'));
    const { io, out } = capture(cwd);
    expect(await baselineUpdateCommand([], io)).toBe(2);
    expect(out).toEqual({ stdout: '', stderr: 'conform baseline update: no stored run at reports/latest/results.json; run `conform run` first\n' });
  });

  it('a vendor the latest run did not run: one line, exit 2', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'conform-update-'));
    await storeRun(cwd, await runWhop({ cases: ['unknown id'] }));
    const { io, out } = capture(cwd);
    expect(await baselineUpdateCommand(['--vendor', 'xendit'], io)).toBe(2);
    expect(out).toEqual({ stdout: '', stderr: 'conform baseline update: the latest run has no results for vendor "xendit" (it ran: whop)\n' });
  });

  it('a damaged results file or baseline: one line, exit 2', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'conform-update-'));
    await mkdir(join(cwd, 'reports', 'latest'), { recursive: true });
    await writeFile(join(cwd, 'reports', 'latest', 'results.json'), '{"cut short');
    const broken = capture(cwd);
    expect(await baselineUpdateCommand([], broken.io)).toBe(2);
    expect(broken.out.stderr).toBe('conform baseline update: reports/latest/results.json is not a list of case results; run `conform run` again\n');

    await storeRun(cwd, await runWhop({ cases: ['unknown id'] }));
    await mkdir(join(cwd, 'baselines'));
    await writeFile(join(cwd, 'baselines', 'whop.sandbox.json'), '[]');
    const damaged = capture(cwd);
    expect(await baselineUpdateCommand([], damaged.io)).toBe(2);
    expect(damaged.out.stderr).toBe(`conform baseline update: ${join(cwd, 'baselines', 'whop.sandbox.json')}: not a conform baseline (version 2, or 1 as an older conform wrote it); fix it, or delete it and run \`conform baseline update\`\n`);
  });
});
