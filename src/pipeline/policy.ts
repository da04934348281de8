import { baselinesDirFrom, historyRunsFrom, inconclusiveThresholdFrom, loadWaivers, waiversFileFrom, type Waiver } from '../report/index.ts';
import type { Env } from '../vendors/index.ts';

/** How a run judges what it found: read and checked before any request, so a mistake stops it early. */
export interface JudgementPolicy {
  waivers: Waiver[];
  inconclusiveThreshold: number;
  historyRuns: number;
  baselinesDir: string;
}

export async function loadPolicy(env: Env, cwd: string): Promise<JudgementPolicy> {
  const waiversFile = waiversFileFrom(env);
  return {
    waivers: await loadWaivers(waiversFile.file, { cwd, required: waiversFile.required }),
    inconclusiveThreshold: inconclusiveThresholdFrom(env),
    historyRuns: historyRunsFrom(env),
    baselinesDir: baselinesDirFrom(env, cwd),
  };
}
