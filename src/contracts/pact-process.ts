import { chunkParts } from './pact-handle.ts';
import type { ChunkAnswer, ChunkJob } from './pact-chunk.ts';

/**
 * A short-lived child of the contract step (see pact-chunk.ts): receives one chunk of interactions
 * over IPC, has pact-core write them as one pact, redacts that text (secrets arrive over IPC only)
 * and sends it back cut into interactions. The parent ends it then: exiting is the only way pact-core's
 * native memory for the handle comes back.
 */
const answer = (message: ChunkAnswer) => process.send?.(message);

// Orphaned (the run died): end at once.
process.once('disconnect', () => process.kill(process.pid, 'SIGKILL'));
process.once('message', (job: ChunkJob) => {
  chunkParts(job)
    .then((parts) => answer({ parts }))
    .catch((error: unknown) => answer({ problem: error instanceof Error ? error.message : String(error) }));
});
