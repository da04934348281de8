import type { HttpClientOptions } from '../../http/index.ts';
import type { Baseline, CaseFinding } from '../../judge/index.ts';
import type { SpecChangedUpstream } from '../../report/index.ts';
import type { VendorDefinition } from '../../vendors/index.ts';
import { checkUpstream, type UpstreamOptions } from './check.ts';
import { upstreamFindings } from './findings.ts';

/** One vendor's upstream as a run reports it: the VENDOR.json section, its findings, and a warning when it could not be compared. */
export interface UpstreamOutcome {
  section: SpecChangedUpstream;
  findings: CaseFinding[];
  warning: string | null;
}

/**
 * Every given vendor that names an upstream, compared with its newest checked-in document (graded
 * with its entry in `wire`), for a run with CONFORM_REFRESH_SPECS=1. Writes nothing. Never rejects: whatever keeps an upstream from
 * being compared is a warning on that vendor, never a failure of the run.
 */
export async function compareUpstreams(vendors: readonly VendorDefinition[], options: { cwd: string; http: HttpClientOptions; wire: ReadonlyMap<string, Baseline | null> }): Promise<Map<string, UpstreamOutcome>> {
  const outcomes = new Map<string, UpstreamOutcome>();
  for (const vendor of vendors) {
    const { upstream } = vendor;
    if (upstream === null) continue;
    outcomes.set(vendor.name, await outcomeOf({ ...vendor, upstream }, { cwd: options.cwd, http: options.http, wire: options.wire.get(vendor.name) ?? null }));
  }
  return outcomes;
}

async function outcomeOf(vendor: VendorDefinition & { upstream: NonNullable<VendorDefinition['upstream']> }, options: UpstreamOptions): Promise<UpstreamOutcome> {
  const { url } = vendor.upstream;
  let check;
  try {
    check = await checkUpstream(vendor, options);
  } catch (error) {
    check = { unreachable: `could not be compared: ${(error as Error).message.split('\n')[0]}` };
  }
  if ('unreachable' in check) {
    return { section: { url, unreachable: check.unreachable }, findings: [], warning: `${vendor.name}: upstream ${url} not compared: ${check.unreachable}` };
  }
  const { diff, base } = check;
  return { section: { url, base, breaking: diff.breaking, changes: diff.changes }, findings: upstreamFindings({ vendor: vendor.name, changes: diff.changes }), warning: null };
}
