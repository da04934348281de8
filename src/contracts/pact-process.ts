import { chunkParts } from './pact-handle.ts';
import type { ChunkAnswer, ChunkJob } from './pact-chunk.ts';

/**
 * A child of the contract step (see pact-chunk.ts): receives chunks of interactions over IPC, one at a
 * time, has pact-core write each as one pact on a fresh handle, redacts that text (secrets arrive over
 * IPC only) and sends it back cut into interactions. The parent ends it once it has written enough:
 * exiting is the only way pact-core's native memory for its handles comes back.
 */
const answer = (message: ChunkAnswer) => process.send?.(message);

// Orphaned (the run died) or let go: end at once.
process.once('disconnect', () => process.kill(process.pid, 'SIGKILL'));
process.on('message', (job: ChunkJob) => {
  chunkParts(job)
    .then((parts) => answer({ parts }))
    .catch((error: unknown) => answer({ problem: error instanceof Error ? error.message : String(error) }));
});
