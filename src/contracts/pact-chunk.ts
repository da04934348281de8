import type { ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
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
 * pact-core processes of one recording at once, once its writer waits for the chunks. While the cases run,
 * one: the cases and the vendor need the other core, and a second pact-core then slowed them more than it
 * saved (10,000 interactions on 2 cores: cases about 2x slower, the run no shorter). Once the writer waits, the
 * cores are the backlog's.
 */
export const MOST_PROCESSES = 2;

/**
 * The pact-core processes of one recording, asked chunk after chunk in the order they come, each chunk
 * redacted there: one at a time while chunks still come, up to MOST_PROCESSES once the writer waits
 * (`widen`), each ended after PROCESS_INTERACTIONS. `close` ends them; so does this process's end.
 */
export class PactProcesses {
  private readonly idle: PactProcess[] = [];
  private readonly busy = new Set<PactProcess>();
  private readonly waiting: Array<() => void> = [];
  private running = 0;
  private most = 1;

  /** `job` is made when a process is free for it, so plans are made no sooner than they are written. */
  record(job: () => ChunkJob, signal: AbortSignal): Promise<PactParts> {
    return this.inTurn(async () => {
      signal.throwIfAborted();
      // Made before a process starts: a job that cannot be made must not leave a process waiting for it.
      const message = job();
      const pact = this.idle.pop() ?? new PactProcess();
      this.busy.add(pact);
      const answer = await pact.ask(message);
      this.busy.delete(pact);
      if ('problem' in answer) {
        // Whatever went wrong may have left its pact-core in any state: the next chunk gets a fresh one.
        pact.end();
        throw new Error(`the contract's pact-core process stopped: ${answer.problem}`);
      }
      this.setAside(pact);
      return answer.parts;
    });
  }

  /** No chunk comes any more (the writer waits for them): the backlog may take MOST_PROCESSES. */
  widen(): void {
    this.most = MOST_PROCESSES;
    for (; this.running < this.most && this.waiting.length > 0; this.running += 1) this.waiting.shift()!();
  }

  close(): void {
    for (const pact of [...this.idle, ...this.busy]) pact.end();
    this.idle.length = 0;
    this.busy.clear();
  }

  private async inTurn<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.most) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // A finished chunk hands its turn straight to the next in line, so a newcomer cannot overtake.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /**
   * A process that has written PROCESS_INTERACTIONS ends. With no chunk waiting, two idle processes are one
   * too many: the one holding more chunks' native memory ends.
   */
  private setAside(pact: PactProcess): void {
    const other = this.waiting.length === 0 ? this.idle.pop() : undefined;
    const [keep, end] = other && other.recorded < pact.recorded ? [other, pact] : [pact, other];
    end?.end();
    if (keep.recorded >= PROCESS_INTERACTIONS) keep.end();
    else this.idle.push(keep);
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
