import { NO_SECRETS, writeFileAtomically } from '../files/index.ts';
import type { InteractionPlan } from './interaction.ts';
import { CHUNK_INTERACTIONS, IN_PROCESS_INTERACTIONS, PactProcesses, recordChunkHere } from './pact-chunk.ts';
import type { PactParts } from './pact-text.ts';
import type { ContractKind } from './settings.ts';
import { SpilledPact } from './spilled-pact.ts';

export interface ContractNames {
  consumer: string;
  provider: string;
}

/**
 * One contract being written: its interactions go to pact-core in chunks, in the recording's pact-core
 * process (pact-chunk.ts), as soon as they are added, and what pact-core wrote of them to a file beside
 * the contract as each chunk comes back (spilled-pact.ts); `write` joins them into the one pact pact-core
 * would have written for all of them and writes it through the one writer, piece by piece (atomic:
 * readers see the previous contract or the whole new one, never a half).
 */
export class ContractDraft {
  private chunks = 0;
  /** Each chunk spilled in the order it was added; rejected with the first chunk that failed. */
  private spilled: Promise<void> = Promise.resolve();
  private readonly spill: SpilledPact;
  private readonly abandoned = new AbortController();

  constructor(
    readonly file: string,
    private readonly names: ContractNames,
    private readonly target: ContractKind,
    private readonly secretForms: readonly string[],
    private readonly processes: PactProcesses,
  ) {
    this.spill = new SpilledPact(file);
  }

  /** `plans` is called when the process is free for the chunk, so plans are made no sooner than they are written. */
  add(plans: () => InteractionPlan[]): void {
    this.spillChunk(this.processes.record(() => ({ names: this.names, plans: plans(), target: this.target, secretForms: this.secretForms }), this.abandoned.signal));
  }

  /** The whole contract, when it is small (IN_PROCESS_INTERACTIONS): written by pact-core in this process. */
  addAll(plans: InteractionPlan[]): void {
    if (this.chunks > 0 || plans.length > IN_PROCESS_INTERACTIONS) throw new Error(`a contract of more than ${IN_PROCESS_INTERACTIONS} interactions goes to pact-core processes`);
    this.spillChunk(recordChunkHere({ names: this.names, plans, target: this.target, secretForms: this.secretForms }));
  }

  /** Chunks so far. */
  get sent(): number {
    return this.chunks;
  }

  async write(): Promise<void> {
    try {
      await this.spilled.catch((error: unknown) => {
        this.abandon();
        throw error;
      });
      await writeFileAtomically(this.file, this.spill.pieces(), this.joinRedaction());
    } finally {
      // What a file left behind here costs is a leftover the next write removes, not this write's outcome.
      await this.spill.remove().catch(() => undefined);
    }
  }

  /** Its chunks not yet written are dropped, and so is what was spilled once the chunk under way is back; nothing is written. */
  abandon(): void {
    this.abandoned.abort();
    void this.spilled
      .catch(() => undefined)
      .then(() => this.spill.remove())
      .catch(() => undefined);
  }

  private spillChunk(chunk: Promise<PactParts>): void {
    this.chunks += 1;
    this.spilled = this.spilled.then(async () => this.spill.add(await chunk));
    // Awaited by write(); an abandoned draft's chunks fail, and nobody asks.
    chunk.catch(() => undefined);
    this.spilled.catch(() => undefined);
  }

  /**
   * Each chunk was redacted whole in its process. Joining puts ",\n" between two interactions, whose
   * edges are the lines "    }" and "    {": a secret form can only match across a join if it holds a
   * line break or a brace, and only then is the joined text redacted again, whole (the 10,000-interaction
   * text would otherwise cost the redactor gigabytes, and is otherwise never held whole).
   */
  private joinRedaction(): readonly string[] {
    return this.secretForms.some((form) => /[\n{}]/.test(form)) ? this.secretForms : NO_SECRETS;
  }
}

/** One contract of these plans, written now (see ContractDraft). */
export async function writeContract(
  file: string,
  names: ContractNames,
  plans: readonly InteractionPlan[],
  secretForms: readonly string[],
  target: ContractKind,
  chunkInteractions = CHUNK_INTERACTIONS,
): Promise<void> {
  const processes = new PactProcesses();
  const draft = new ContractDraft(file, names, target, secretForms, processes);
  try {
    if (plans.length <= IN_PROCESS_INTERACTIONS && chunkInteractions >= plans.length) draft.addAll([...plans]);
    else for (let start = 0; start < plans.length; start += chunkInteractions) draft.add(() => plans.slice(start, start + chunkInteractions));
    await draft.write();
  } finally {
    processes.close();
  }
}
