import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { VerifierAnswer, VerifierJob } from './verifier-process.ts';

// Compiled (dist/), the verifier is JavaScript beside this module; in the sources (the tests) it is TypeScript, run through tsx.
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const VERIFIER_PROCESS = fileURLToPath(new URL(FROM_SOURCES ? './verifier-process.ts' : './verifier-process.js', import.meta.url));

/**
 * Runs the Pact Verifier in a child process, because the native verifier prints its own report
 * straight to stdout (no option turns that off), and its proxy crashes, and can then hang, the
 * whole process when the vendor cannot be reached. The child's stdout is dropped; it is ended as
 * soon as it answers; a crash becomes a problem, never a finding.
 */
export async function runVerifier(job: VerifierJob): Promise<VerifierAnswer> {
  const child = fork(VERIFIER_PROCESS, [], {
    execArgv: FROM_SOURCES ? ['--import', import.meta.resolve('tsx')] : [],
    env: verifierEnvironment(process.env),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8000);
  });
  const answered = new Promise<VerifierAnswer>((resolve) => {
    child.once('message', (message) => resolve(message as VerifierAnswer));
    child.once('exit', (code) => resolve({ problem: `exit code ${code ?? 'none'}: ${lastMeaningfulLine(stderr) ?? 'no output'}` }));
    child.once('error', (error) => resolve({ problem: error.message }));
  });
  child.send(job);
  const answer = await answered;
  child.kill('SIGKILL');
  return 'problem' in answer ? { problem: `the Pact Verifier stopped: ${answer.problem}` } : answer;
}

/**
 * Pact reads PACT_BROKER_* (and would then also fetch pacts from the broker) and PACT_DESCRIPTION /
 * PACT_PROVIDER_STATE (and would then verify only some interactions) from the environment: a stored
 * contract is verified whole, on its own.
 */
function verifierEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('PACT_')));
}

/** A crash's cause, e.g. "Error: connect ECONNREFUSED 127.0.0.1:9", rather than its stack frames. */
function lastMeaningfulLine(text: string): string | null {
  const lines = text.split('\n').map((line) => line.trim());
  return lines.find((line) => /^[A-Za-z]*Error\b/.test(line)) ?? lines.filter(Boolean).at(-1) ?? null;
}
