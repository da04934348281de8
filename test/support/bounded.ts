import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

export interface BoundedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when the harness killed the child at its time limit: the bound was not kept. */
  timedOut: boolean;
  /** True when the child died of its memory cap (V8 aborts or is killed when the data segment is full). */
  outOfMemory: boolean;
}

export interface Bounds {
  /** Data-segment cap (heap and buffers), in MiB. An address-space cap would stop V8 from starting at all. */
  memoryMb: number;
  /** The child is killed (SIGKILL) after this long. */
  timeoutMs: number;
  env?: Record<string, string>;
  cwd?: string;
}

/**
 * Runs node with `args` in a child process held to a memory cap (prlimit --data) and a kill timeout:
 * the hostile-input tests prove their bounds through these limits, never through a timing assertion.
 * Outputs of a CLI run go to fresh temporary folders, as in runCli.
 */
export function runNodeBounded(args: string[], bounds: Bounds): Promise<BoundedRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'conform-bounded-'));
  const outputs = { CONFORM_REPORTS_DIR: join(scratch, 'reports'), CONFORM_BASELINES_DIR: join(scratch, 'baselines'), CONFORM_CONTRACTS_DIR: join(scratch, 'contracts') };
  const bytes = bounds.memoryMb * 1024 * 1024;
  return new Promise((resolve) => {
    execFile(
      'prlimit',
      [`--data=${bytes}`, '--', process.execPath, ...args],
      {
        cwd: bounds.cwd ?? REPO_ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...outputs, ...bounds.env },
        timeout: bounds.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const failure = error as (NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: number | string }) | null;
        const timedOut = Boolean(failure?.killed);
        const code = failure ? (typeof failure.code === 'number' ? failure.code : null) : 0;
        const outOfMemory = !timedOut && (/out of memory|heap limit|Allocation failed/i.test(stderr) || failure?.signal === 'SIGABRT' || failure?.signal === 'SIGSEGV');
        resolve({ code, stdout, stderr, timedOut, outOfMemory });
      },
    );
  });
}

/** The real CLI (bin/conform.js) under the bounds. */
export function runCliBounded(args: string[], bounds: Bounds): Promise<BoundedRun> {
  return runNodeBounded([join(REPO_ROOT, 'bin', 'conform.js'), ...args], bounds);
}
