import { fork, type ChildProcess, type Serializable } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** .ts in the sources (the tests and development, through tsx), .js compiled: the extension of the modules as they run. */
const EXTENSION = extname(fileURLToPath(import.meta.url));

/**
 * A module of this folder, by name, as a child process runs it: compiled, the one beside this one. In the
 * sources, the compiled copy in dist/ when dist/ is built from the sources as they are (see builtFromSources):
 * a child through tsx transforms its whole import graph before it starts, about half a second of CPU each,
 * and the tests start dozens. Else the source itself, through tsx. (Copies that keep old times, or a deleted
 * source, can fool the times: run `npm run build` after such changes.)
 */
export function siblingModule(name: string): string {
  const compiled = new URL(`../../dist/src/contracts/${name}.js`, import.meta.url);
  if (EXTENSION === '.ts' && builtFromOwnSources() && existsSync(compiled)) return fileURLToPath(compiled);
  return fileURLToPath(new URL(`./${name}${EXTENSION}`, import.meta.url));
}

let built: boolean | undefined;

/** builtFromSources for this package's src/ and dist/, asked once per process. */
function builtFromOwnSources(): boolean {
  return (built ??= builtFromSources(fileURLToPath(new URL('../', import.meta.url)), fileURLToPath(new URL('../../dist/.tsbuildinfo', import.meta.url))));
}

/**
 * Whether no file under `sources` is newer than the build's `buildInfo`, which `tsc -b` updates on
 * every build (also when sources were only touched): a source edited since means the children run the sources.
 */
export function builtFromSources(sources: string, buildInfo: string): boolean {
  if (!existsSync(buildInfo)) return false;
  const builtAt = statSync(buildInfo).mtimeMs;
  const files = readdirSync(sources, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return files.every((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs <= builtAt);
}

/**
 * A process running `module` (a module of this folder) as Pact's native code must run: pact-core never
 * frees a handle (only the process's end returns its memory), and the Verifier prints to stdout and can
 * crash its process. Its stdout is dropped; `died` answers a problem, the line that says why rather than
 * its stack. No PACT_* variable reaches it: Pact reads PACT_BROKER_* (and would fetch pacts from the
 * broker) and PACT_DESCRIPTION / PACT_PROVIDER_STATE (and would verify only part of a contract); what
 * conform asks of Pact is in its jobs alone.
 */
export function forkPactChild(module: string, signal?: AbortSignal): { child: ChildProcess; died: Promise<{ problem: string }> } {
  const child = fork(module, [], {
    execArgv: module.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [],
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PACT_'))),
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    ...(signal ? { signal } : {}),
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8000);
  });
  const died = new Promise<{ problem: string }>((resolve) => {
    child.once('exit', (code) => resolve({ problem: `exit code ${code ?? 'none'}: ${lastMeaningfulLine(stderr) ?? 'no output'}` }));
    child.once('error', (error) => resolve({ problem: error.message }));
  });
  return { child, died };
}

/** Sends `job` to a fresh process running `module` (see forkPactChild) and waits for its one answer; the process is then ended. */
export async function askPactChild<Answer extends object>(module: string, job: Serializable, signal?: AbortSignal): Promise<Answer | { problem: string }> {
  const { child, died } = forkPactChild(module, signal);
  const answered = new Promise<Answer>((resolve) => child.once('message', (message) => resolve(message as Answer)));
  child.send(job);
  const answer = await Promise.race([answered, died]);
  child.kill('SIGKILL');
  return answer;
}

/** A crash's cause, e.g. "Error: connect ECONNREFUSED 127.0.0.1:9", rather than its stack frames. */
function lastMeaningfulLine(text: string): string | null {
  const lines = text.split('\n').map((line) => line.trim());
  return lines.find((line) => /^[A-Za-z]*Error\b/.test(line)) ?? lines.filter(Boolean).at(-1) ?? null;
}
