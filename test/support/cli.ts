import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI (bin/conform.js) in a child process, with only the environment given (plus PATH).
 * Whatever a run writes (reports, baselines, contracts) goes to fresh temporary folders unless the
 * test names its own, so tests never touch the working tree or each other.
 */
export function runCli(args: string[], env: Record<string, string> = {}, cwd = REPO_ROOT): Promise<CliRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'conform-cli-'));
  const outputs = { CONFORM_REPORTS_DIR: join(scratch, 'reports'), CONFORM_BASELINES_DIR: join(scratch, 'baselines'), CONFORM_CONTRACTS_DIR: join(scratch, 'contracts') };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(REPO_ROOT, 'bin', 'conform.js'), ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...outputs, ...env }, timeout: 120_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
