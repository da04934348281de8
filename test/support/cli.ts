import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './paths.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const CONFORM = join(REPO_ROOT, 'bin', 'conform.js');
/** What bin/conform.js runs: dist/, which the unit project's globalSetup builds from the sources first. */
const COMPILED_MAIN = pathToFileURL(join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js')).href;

/**
 * Runs the real CLI (bin/conform.js) in a child process, with only the environment given (plus PATH).
 * Whatever a run writes (reports, baselines, contracts) goes to fresh temporary folders unless the
 * test names its own, so tests never touch the working tree or each other.
 */
export function runCli(args: string[], env: Record<string, string> = {}, cwd = REPO_ROOT): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CONFORM, ...args], { cwd, env: cliEnvironment(env), timeout: 120_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The CLI's main called in this process, with what runCli gives the child (the environment given plus PATH,
 * fresh output folders) as its io: what a command computes, without starting node and the CLI for it.
 * The process boundary (the real binary's exit code, signals, a terminal) is runCli's to prove.
 * It is the compiled main the binary runs, loaded natively (vitest.config.ts): from the sources, every
 * `conform run` would have vite transform the suites and their TypeScript again, and its Pact children
 * start through tsx.
 */
export async function callCli(args: string[], env: Record<string, string> = {}, cwd = REPO_ROOT): Promise<CliRun> {
  const { main } = (await import(COMPILED_MAIN)) as typeof import('../../src/cli/main.ts');
  let stdout = '';
  let stderr = '';
  const io = { stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text), cwd, env: cliEnvironment(env) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/**
 * runCli with stdout a terminal: util-linux `script` runs it on a pseudo-terminal. Its output is the
 * terminal's (line ends as CR LF, control sequences kept); stderr is mixed into it.
 */
export function runCliInTerminal(args: string[], env: Record<string, string> = {}, cwd = REPO_ROOT): Promise<CliRun> {
  const command = [process.execPath, CONFORM, ...args].map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((resolve) => {
    execFile('script', ['-qfec', command, '/dev/null'], { cwd, env: cliEnvironment(env), timeout: 120_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A CLI run still going: for a test that acts while it runs (sends it a signal once a line appears). */
export interface RunningCli {
  child: ChildProcess;
  /** Resolves once stdout so far matches. */
  stdoutMatches(pattern: RegExp): Promise<void>;
  /** Resolves when the child has exited (a signal that killed it is code -1). */
  exited: Promise<CliRun>;
}

/** runCli, started in the background: same environment and temporary outputs, stdout watched as it comes. */
export function startCli(args: string[], env: Record<string, string> = {}, cwd = REPO_ROOT): RunningCli {
  const child = spawn(process.execPath, [CONFORM, ...args], { cwd, env: cliEnvironment(env), timeout: 120_000 });
  let stdout = '';
  let stderr = '';
  const watchers: Array<() => void> = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const watcher of watchers) watcher();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<CliRun>((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
  return {
    child,
    stdoutMatches: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => pattern.test(stdout) && resolve();
        watchers.push(check);
        check();
        void exited.then(() => reject(new Error(`the run ended before its output matched ${pattern}:\n${stdout}${stderr}`)));
      }),
    exited,
  };
}

function cliEnvironment(env: Record<string, string>): Record<string, string> {
  const scratch = mkdtempSync(join(tmpdir(), 'conform-cli-'));
  const outputs = { CONFORM_REPORTS_DIR: join(scratch, 'reports'), CONFORM_BASELINES_DIR: join(scratch, 'baselines'), CONFORM_CONTRACTS_DIR: join(scratch, 'contracts') };
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...outputs, ...env };
}
