import type { LoadedSpec } from '../spec/types.ts';
import type { CaseResult } from '../results/index.ts';
import type { Env, VendorTarget } from '../vendors/index.ts';
import { planInteraction } from './interaction.ts';
import { writeContract } from './pact-writer.ts';
import { responseSchemas } from './response-schema.ts';
import { contractFile, contractSettings } from './settings.ts';

export interface RecordOptions {
  cwd: string;
  env: Env;
  targets: readonly VendorTarget[];
  results: readonly CaseResult[];
  /** secretForms() of every credential of the run: redacted from the contract text. */
  secretForms: readonly string[];
  /** The run's loaded vendor documents, by file, so they are not loaded again. */
  specs?: ReadonlyMap<string, LoadedSpec>;
}

export interface RecordedContract {
  vendor: string;
  file: string;
  interactions: number;
}

/**
 * Records, per vendor, one interaction for every case that got a whole response. Skipped cases,
 * transport errors and bodies cut at the size cap have nothing to record. A sandbox in a drift scenario is a planted fault, not a
 * vendor to rely on, so it never overwrites a contract; neither does a run where nothing answered.
 */
export async function recordContracts(options: RecordOptions): Promise<RecordedContract[]> {
  const settings = contractSettings(options.env, options.cwd);
  const schemaFor = responseSchemas(options.cwd, options.specs);
  const recorded: RecordedContract[] = [];
  for (const target of options.targets) {
    if (target.mode === 'sandbox' && target.scenario !== 'faithful') continue;
    const answered = options.results.filter(
      (result): result is CaseResult & { response: NonNullable<CaseResult['response']> } =>
        result.vendor === target.vendor && result.response !== null && !result.response.truncated,
    );
    if (answered.length === 0) continue;
    const plans = await Promise.all(answered.map(async (result) => planInteraction(result, await schemaFor(result))));
    const file = contractFile(settings, target.vendor);
    await writeContract(file, { consumer: settings.consumer, provider: target.vendor }, plans, options.secretForms);
    recorded.push({ vendor: target.vendor, file, interactions: plans.length });
  }
  return recorded;
}
