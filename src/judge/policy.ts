import type { SeverityOverrides } from '../findings/index.ts';
import { severityOverrides } from '../run/index.ts';
import { loadVendors, type Env } from '../vendors/index.ts';
import { baselinesDirFrom } from './baseline/index.ts';
import { inconclusiveThresholdFrom } from './verdict.ts';
import { loadWaivers, waiversFileFrom, type Waiver } from './waivers/index.ts';

/** How a run is judged: read and checked before any request, so a mistake stops it early. */
export interface JudgementPolicy {
  waivers: Waiver[];
  inconclusiveThreshold: number;
  severity: SeverityOverrides;
  baselinesDir: string;
}

export async function loadPolicy(env: Env, cwd: string): Promise<JudgementPolicy> {
  const waiversFile = waiversFileFrom(env);
  return {
    waivers: await loadWaivers(waiversFile.file, { cwd, required: waiversFile.required, vendors: loadVendors(cwd).map((vendor) => vendor.name) }),
    inconclusiveThreshold: inconclusiveThresholdFrom(env),
    severity: severityOverrides(env),
    baselinesDir: baselinesDirFrom(env, cwd),
  };
}
