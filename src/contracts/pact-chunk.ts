import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { createSemaphore } from '../http/index.ts';
import type { InteractionPlan } from './interaction.ts';
import { forkPactChild, siblingModule } from './pact-child.ts';
import type { PactParts } from './pact-text.ts';
import type { ContractKind } from './settings.ts';

/** What a pact-core process is asked: one chunk of one contract, written by one pact handle. */
export interface ChunkJob {
  names: { consumer: string; provider: string };
  plans: InteractionPlan[];
  target: ContractKind;
  secretForms: readonly string[];
}

export type ChunkAnswer = { parts: PactParts } | { problem: string };

/**
 * Interactions per pact handle: a chunk goes to pact-core as soon as it is full, while the cases go on,
 * so what is left when the last case ends is one chunk at most.
 */
export const CHUNK_INTERACTIONS = 100;

/**
 * Interactions per pact-core process, over all the chunks it writes. pact-core holds about 250 KB of
 * native memory per interaction until its process exits (MEASURED.md; a process of 1,000 measured
 * 290 MB): a process is ended once it has written this many, and the next chunk starts a fresh one.
 * Fewer would pay a process start (about 0.25 s of CPU, pact-core's native library most of it) for too
 * little work: at 600, recording 2,000 interactions took about 40 % more CPU.
 */
export const PROCESS_INTERACTIONS = 1000;

/**
 * A contract this small (the usual run: tens of cases per vendor) is written by pact-core in this
 * process: its handle holds a few MB for good, less than a process start costs.
 */
export const IN_PROCESS_INTERACTIONS = 100;

/** A chunk's pact, written by pact-core in this process (loaded on first use). */
export async function recordChunkHere(job: ChunkJob): Promise<PactParts> {
  const { chunkParts } = await import('./pact-handle.ts');
  return chunkParts(job);
}

const PACT_PROCESS = siblingModule('pact-process');

/**
 * The pact-core processes of one recording: one at a time (it runs beside the cases, and holds its
 * chunks' native memory while it lives), asked chunk after chunk in the order they come, each chunk
 * redacted there. `close` ends it; so does this process's end.
 * A second process for the backlog was measured (10,000 interactions, 2 cores, medians of 3): started as
 * soon as a chunk waited, it cut the share after the last case from 61 % to 27 % only by taking the cases'
 * core (the run was no shorter: 28.8 s before, 33.7 s), and added 195 MB to the peak; started once the
 * writer waits, it saved nothing (no idle core) and added 123 MB.
 */
export class PactProcesses {
  private current: PactProcess | null = null;
  private readonly turns = createSemaphore(1);

  /** `job` is made when the process is free for it, so plans are made no sooner than they are written. */
  record(job: () => ChunkJob, signal: AbortSignal): Promise<PactParts> {
    return this.turns.run(async () => {
      signal.throwIfAborted();
      // Made before a process starts: a job that cannot be made must not leave a process waiting for it.
      const message = job();
      if (this.current && this.current.recorded >= PROCESS_INTERACTIONS) this.close();
      this.current ??= new PactProcess();
      const answer = await this.current.ask(message);
      if ('problem' in answer) {
        // Whatever went wrong may have left its pact-core in any state: the next chunk gets a fresh one.
        this.close();
        throw new Error(`the contract's pact-core process stopped: ${answer.problem}`);
      }
      return answer.parts;
    });
  }

  close(): void {
    this.current?.end();
    this.current = null;
  }
}

/**
 * A child running pact-process.ts, under the rules of pact-child.ts (no PACT_* variable, stdout
 * dropped, the line that says why it died). Idle, it does not keep this process alive.
 */
class PactProcess {
  recorded = 0;
  private readonly child: ChildProcess;
  private readonly died: Promise<{ problem: string }>;

  constructor() {
    ({ child: this.child, died: this.died } = forkPactChild(PACT_PROCESS));
    this.idle(true);
  }

  async ask(job: ChunkJob): Promise<ChunkAnswer> {
    this.idle(false);
    const answered = new Promise<ChunkAnswer>((resolve) => this.child.once('message', (answer) => resolve(answer as ChunkAnswer)));
    this.child.send(job);
    const answer = await Promise.race([answered, this.died]);
    this.recorded += job.plans.length;
    this.idle(true);
    return answer;
  }

  end(): void {
    this.child.kill('SIGKILL');
  }

  private idle(idle: boolean): void {
    // Its stderr pipe (read for why it died) is a handle too: left referenced, it would keep this process alive.
    for (const handle of [this.child, this.child.channel, this.child.stderr as Socket | null]) {
      if (idle) handle?.unref();
      else handle?.ref();
    }
  }
}
