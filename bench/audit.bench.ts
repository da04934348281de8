import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../src/results/index.ts';
import { startGenericSandbox } from '../src/sandbox/index.ts';
import { loadSpec } from '../src/spec/index.ts';
import { median } from './measure.ts';
import { auditDocument } from './support/audit-document.ts';
import { ROOT } from './support/root.ts';
import { timedNode } from './support/timed-process.ts';
import type { Bench } from './types.ts';

const ROUNDS = 3;
const REACHABLE = 12;

/**
 * The onboarding audit (issue 11): `conform audit` of a 50 KB document with 12 reachable operations
 * against a loopback server (the generic sandbox serving that document), cold, in its own process;
 * against `conform run` of the same cases from the vendor file `conform init` writes for the same
 * flags; alternating runs, medians. And document load time per 100 KB (a 500 KB document).
 */
export const auditBench: Bench = {
  group: 'audit',
  async run() {
    const work = await mkdtemp(join(tmpdir(), 'conform-bench-audit-'));
    const server = await startGenericSandbox({ document: await checkout(work) });
    try {
      const flags = ['--vendor', 'bench', '--spec', 'specs/bench.json', '--base-url', server.url, '--auth', 'bearerAuth=env:BENCH_TOKEN', '--fixture', `item_id=${server.fixtures.item_id}`];
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, BENCH_TOKEN: server.credentials.bearerAuth!.valid };
      await timedNode([join(ROOT, 'bin', 'conform.js'), 'init', ...flags], env, [EXIT.pass], work);
      const auditMs: number[] = [];
      const runMs: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const out = { CONFORM_REPORTS_DIR: join(work, `run-${round}`, 'reports'), CONFORM_BASELINES_DIR: join(work, `run-${round}`, 'baselines'), CONFORM_CONTRACTS_DIR: join(work, `run-${round}`, 'contracts') };
        auditMs.push(await timedNode([join(ROOT, 'bin', 'conform.js'), 'audit', ...flags, '--out', join(work, `audit-${round}`)], env, [EXIT.pass], work));
        runMs.push(await timedNode([join(ROOT, 'bin', 'conform.js'), 'run'], { ...env, ...out }, [EXIT.pass], work));
      }
      const loadMs = await loadPer100Kb(work);
      const audit = median(auditMs);
      return [
        { group: this.group, name: `conform audit, 50 KB document, ${REACHABLE} reachable operations, cold, median`, value: audit / 1000, unit: 's', target: '< 3 s', met: audit < 3000 },
        { group: this.group, name: 'conform run of the same cases (vendor file from conform init), median', value: median(runMs) / 1000, unit: 's', target: 'informative', met: null },
        { group: this.group, name: 'audit / run, same cases', value: audit / median(runMs), unit: 'x', target: '<= 1x', met: audit <= median(runMs) },
        { group: this.group, name: 'document load (bundle, normalise, lint), per 100 KB of a 500 KB document, median', value: loadMs, unit: 'ms', target: 'informative', met: null },
      ];
    } finally {
      await server.close();
      await rm(work, { recursive: true, force: true });
    }
  },
};

/** A working directory with conform linked in and the 50 KB document; returns the document's path. */
async function checkout(work: string): Promise<string> {
  for (const entry of ['src', 'suites', 'schemas', 'bin', 'node_modules', 'package.json', 'vitest.config.ts']) await symlink(join(ROOT, entry), join(work, entry));
  await mkdir(join(work, 'specs'));
  const document = join(work, 'specs', 'bench.json');
  await writeFile(document, auditDocument(REACHABLE, 50));
  await writeFile(join(work, 'specs', 'large.json'), auditDocument(REACHABLE, 500));
  return document;
}

async function loadPer100Kb(work: string): Promise<number> {
  const times: number[] = [];
  let bytes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    // A fresh vendor name per round: nothing loaded before is reused.
    const spec = await loadSpec('specs/large.json', { cwd: work, vendor: `bench-${round}` });
    times.push(performance.now() - started);
    bytes = spec.bytes;
  }
  return median(times) / (bytes / (100 * 1024));
}
