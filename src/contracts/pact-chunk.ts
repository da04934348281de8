import { createSemaphore } from '../http/index.ts';
import type { InteractionPlan } from './interaction.ts';
import { askPactChild, siblingModule } from './pact-child.ts';
import type { PactParts } from './pact-text.ts';
import type { ContractKind } from './settings.ts';

/** What a pact-core child is asked: one chunk of one contract. */
export interface ChunkJob {
  names: { consumer: string; provider: string };
  plans: InteractionPlan[];
  target: ContractKind;
  secretForms: readonly string[];
}

export type ChunkAnswer = { parts: PactParts } | { problem: string };

/**
 * Interactions per child. pact-core holds about 200 KB of native memory per interaction until its
 * process exits (MEASURED.md): a child stays near 250 MB, however long the run. Fewer would pay a
 * process start (about 0.3 s of CPU, pact-core's native library most of it) for too little work.
 */
export const CHUNK_INTERACTIONS = 1000;

/**
 * A contract this small (the usual run: tens of cases per vendor) is written by pact-core in this
 * process: its handle holds a few MB for good, less than a process start costs (about 0.3 s of CPU).
 */
export const IN_PROCESS_INTERACTIONS = 100;

/** A chunk's pact, written by pact-core in this process (loaded on first use). */
export async function recordChunkHere(job: ChunkJob): Promise<PactParts> {
  const { chunkParts } = await import('./pact-handle.ts');
  return chunkParts(job);
}

// Two at a time in the whole process: they run beside the cases and the rest of the pipeline, and
// each holds its chunk's native memory while it lives.
const children = createSemaphore(2);

const PACT_PROCESS = siblingModule('pact-process');

/** One chunk's pact, written by pact-core in its own short-lived process and redacted there. */
export function recordChunk(job: () => ChunkJob, signal?: AbortSignal): Promise<PactParts> {
  return children.run(async () => {
    signal?.throwIfAborted();
    // Made before the process starts: a job that cannot be made must not leave a process waiting for it.
    const message = job();
    const answer = await askPactChild<ChunkAnswer>(PACT_PROCESS, message, signal);
    if ('problem' in answer) throw new Error(`the contract's pact-core process stopped: ${answer.problem}`);
    return answer.parts;
  });
}
