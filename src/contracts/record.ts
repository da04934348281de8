import type { LoadedSpec } from '../spec/index.ts';
import type { CaseResult } from '../results/index.ts';
import type { Env, VendorTarget } from '../vendors/index.ts';
import { planInteraction } from './interaction.ts';
import { writeContract } from './pact-writer.ts';
import { contractFile, contractSettings } from './settings.ts';

export interface RecordOptions {
  cwd: string;
  env: Env;
  targets: readonly VendorTarget[];
  results: readonly CaseResult[];
  /** secretForms() of every credential of the run: redacted from the contract text. */
  secretForms: readonly string[];
  /** The run's loaded vendor documents, by file: the case results' schema pointers point into them. */
  specs: ReadonlyMap<string, LoadedSpec>;
}

export interface RecordedContract {
  vendor: string;
  file: string;
  interactions: number;
}

/**
 * Records, per vendor, one interaction for every case that got a whole response, into the live or
 * the sandbox contract as the vendor ran (contractFile). Skipped cases,
 * transport errors and bodies cut at the size cap have nothing to record. A sandbox in a drift scenario is a planted fault, not a
 * vendor to rely on, so it never overwrites a contract; neither does a run where nothing answered.
 */
export async function recordContracts(options: RecordOptions): Promise<RecordedContract[]> {
  const settings = contractSettings(options.env, options.cwd);
  const recorded: RecordedContract[] = [];
  for (const target of options.targets) {
    if (target.mode === 'sandbox' && target.scenario !== 'faithful') continue;
    const answered = options.results.filter(
      (result): result is CaseResult & { response: NonNullable<CaseResult['response']> } =>
        result.vendor === target.vendor && result.response !== null && !result.response.truncated,
    );
    if (answered.length === 0) continue;
    // A document the run could not load documents nothing: the contract then holds values by their observed types.
    const plans = answered.map((result) => planInteraction(result, options.specs.get(result.spec.file)?.document ?? null));
    const file = contractFile(settings, target.vendor, target.mode);
    await writeContract(file, { consumer: settings.consumer, provider: target.vendor }, plans, options.secretForms, target.mode);
    recorded.push({ vendor: target.vendor, file, interactions: plans.length });
  }
  return recorded;
}
