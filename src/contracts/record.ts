import type { LoadedSpec } from '../spec/index.ts';
import type { CaseResult } from '../results/index.ts';
import type { Env, VendorTarget } from '../vendors/index.ts';
import { planInteraction } from './interaction.ts';
import { CHUNK_INTERACTIONS, IN_PROCESS_INTERACTIONS, PactProcesses } from './pact-chunk.ts';
import { ContractDraft } from './pact-writer.ts';
import { contractFile, contractSettings } from './settings.ts';

export interface RecordOptions {
  cwd: string;
  env: Env;
  targets: readonly VendorTarget[];
  /** secretForms() of every credential of the run: redacted from the contract text. */
  secretForms: readonly string[];
  /** The run's loaded vendor documents, by file: the case results' schema pointers point into them. */
  specs: ReadonlyMap<string, LoadedSpec>;
  /** Interactions per pact handle (pact-chunk.ts); smaller only in tests. */
  chunkInteractions?: number;
}

export interface RecordedContract {
  vendor: string;
  file: string;
  interactions: number;
}

/** Contracts being recorded while the run goes on: results are added as they come, the contracts written once the run knows which to keep. */
export interface ContractRecording {
  /** A case's result, redacted: recorded if its vendor can have a contract and it got a whole response. */
  add(result: CaseResult): void;
  /** No more results: the last chunks go to pact-core now, while the caller goes on (judging, reports). */
  end(): void;
  /** Writes the contracts of these vendors; the others are dropped. Once, after end(); its pact-core process is ended after. */
  keep(vendors: readonly string[]): Promise<RecordedContract[]>;
  /** Nothing is written (the run was interrupted or failed): its pact-core process is ended. Harmless after keep(). */
  abandon(): void;
}

type Answered = CaseResult & { response: NonNullable<CaseResult['response']> };

/**
 * Records, per vendor, one interaction for every case that got a whole response, into the live or
 * the sandbox contract as the vendor ran (contractFile). Skipped cases, transport errors and bodies
 * cut at the size cap have nothing to record. A sandbox in a drift scenario is a planted fault, not a
 * vendor to rely on, so it never overwrites a contract; neither does a run where nothing answered.
 * Each full chunk of a vendor's results goes to pact-core at once, in the recording's own pact-core
 * process, while the caller goes on: the cases are running, in `conform run`.
 */
export function startRecording(options: RecordOptions): ContractRecording {
  const settings = contractSettings(options.env, options.cwd);
  const chunkInteractions = options.chunkInteractions ?? CHUNK_INTERACTIONS;
  const processes = new PactProcesses();
  const contracts = new Map(
    options.targets
      .filter((target) => target.mode === 'live' || target.scenario === 'faithful')
      .map((target) => {
        const file = contractFile(settings, target.vendor, target.mode);
        const draft = new ContractDraft(file, { consumer: settings.consumer, provider: target.vendor }, target.mode, options.secretForms, processes);
        return [target.vendor, { draft, waiting: [] as Answered[], interactions: 0 }];
      }),
  );
  // A document the run could not load documents nothing: the contract then holds values by their observed types.
  const plan = (results: Answered[]) => results.map((result) => planInteraction(result, options.specs.get(result.spec.file)?.document ?? null));
  const send = (contract: { draft: ContractDraft; waiting: Answered[] }, count: number) => {
    const results = contract.waiting.splice(0, count);
    contract.draft.add(() => plan(results));
  };
  const abandon = () => {
    for (const contract of contracts.values()) contract.draft.abandon();
    processes.close();
  };
  return {
    add(result) {
      const contract = contracts.get(result.vendor);
      if (!contract || result.response === null || result.response.truncated) return;
      contract.waiting.push(result as Answered);
      contract.interactions += 1;
      // A full chunk goes once one more result has come: a contract of exactly one chunk is written at end(), in this process if it is small.
      if (contract.waiting.length > chunkInteractions) send(contract, chunkInteractions);
    },
    end() {
      for (const contract of contracts.values()) {
        if (contract.waiting.length === 0) continue;
        if (contract.draft.sent === 0 && contract.waiting.length <= IN_PROCESS_INTERACTIONS && contract.waiting.length <= chunkInteractions) contract.draft.addAll(plan(contract.waiting.splice(0)));
        else send(contract, contract.waiting.length);
      }
    },
    async keep(vendors) {
      const kept = [...contracts].filter(([vendor, contract]) => vendors.includes(vendor) && contract.interactions > 0);
      for (const [vendor, contract] of contracts) if (!kept.some(([name]) => name === vendor)) contract.draft.abandon();
      const recorded: RecordedContract[] = [];
      try {
        for (const [vendor, contract] of kept) {
          await contract.draft.write();
          recorded.push({ vendor, file: contract.draft.file, interactions: contract.interactions });
        }
      } finally {
        processes.close();
      }
      return recorded;
    },
    abandon,
  };
}

/** Every result recorded at once, every target kept (see startRecording). */
export async function recordContracts(options: RecordOptions & { results: readonly CaseResult[] }): Promise<RecordedContract[]> {
  const recording = startRecording(options);
  for (const result of options.results) recording.add(result);
  recording.end();
  return recording.keep(options.targets.map((target) => target.vendor));
}
