import { askPactChild, siblingModule } from './pact-child.ts';
import type { VerifierAnswer, VerifierJob } from './verifier-process.ts';

const VERIFIER_PROCESS = siblingModule('verifier-process');

/**
 * Runs the Pact Verifier in a child process, because the native verifier prints its own report
 * straight to stdout (no option turns that off), and its proxy crashes, and can then hang, the
 * whole process when the vendor cannot be reached. A crash becomes a problem, never a finding.
 */
export async function runVerifier(job: VerifierJob): Promise<VerifierAnswer> {
  const answer = await askPactChild<VerifierAnswer>(VERIFIER_PROCESS, job);
  return 'problem' in answer ? { problem: `the Pact Verifier stopped: ${answer.problem}` } : answer;
}
