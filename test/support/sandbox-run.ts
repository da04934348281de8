import type { CaseResult } from '../../src/results/index.ts';
import { resolveRunConfig } from '../../src/run/config.ts';
import { openRuntime, runCase } from '../../src/run/runtime.ts';
import { startTargets } from '../../src/run/targets.ts';
import type { VendorTarget } from '../../src/vendors/index.ts';
import { REPO_ROOT } from './paths.ts';

/**
 * Real case results: a seed vendor's file cases through the real runtime against its embedded
 * sandbox (in a scenario), as `conform run` makes them, before redaction. `money` replaces the
 * vendor file's money rules.
 */
export async function runSandbox(vendor: string, options: { scenario?: string; money?: VendorTarget['money'] } = {}): Promise<{ target: VendorTarget; results: CaseResult[] }> {
  const config = resolveRunConfig({ CONFORM_VENDORS: vendor, [`${vendor.toUpperCase()}_SANDBOX_SCENARIO`]: options.scenario ?? 'faithful', CONFORM_RETRIES: '1' });
  const { targets, close } = await startTargets(config);
  const target = { ...targets[0]!, ...(options.money ? { money: options.money } : {}) };
  const runtime = await openRuntime(target, { cwd: REPO_ROOT, http: config.http });
  try {
    return { target, results: await Promise.all(target.cases.map((c) => runCase(runtime, c))) };
  } finally {
    await runtime.client.close();
    await close();
  }
}
