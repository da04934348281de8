import { baselinesDirFrom, readWireBaseline } from '../../judge/index.ts';
import { httpOptions } from '../../run/index.ts';
import type { SpecDiff } from '../../spec/index.ts';
import { ConfigError, loadVendors, type Env } from '../../vendors/index.ts';
import { checkUpstream } from './check.ts';
import { writeRefreshed } from './write.ts';

/** One vendor's refresh: what its upstream holds against its newest checked-in document, and the file written; or why it could not be told. */
export type RefreshOutcome =
  | { vendor: string; url: string; unreachable: string }
  | { vendor: string; url: string; base: string; diff: SpecDiff; written: string | null };

/**
 * `conform specs refresh`: each vendor with an upstream (or the one named), its published document
 * fetched with the run's HTTP settings, imported, and diffed against its newest checked-in version
 * (graded with its live baseline when it has one, as `conform specs diff` grades by default);
 * a document with changes is written to specs/VENDOR/ as a new version, one without is left alone,
 * as is one whose only "change" is where the diff stopped at a bound (it would be written anew each time).
 * A vendor named that does not exist or names no upstream is a ConfigError.
 */
export async function refreshUpstreams(options: { cwd: string; env: Env; vendor?: string }): Promise<RefreshOutcome[]> {
  const vendors = loadVendors(options.cwd);
  const chosen = options.vendor === undefined ? vendors.filter((v) => v.upstream !== null) : vendors.filter((v) => v.name === options.vendor);
  if (options.vendor !== undefined) {
    const vendor = chosen[0];
    if (!vendor) throw new ConfigError('--vendor', `unknown vendor "${options.vendor}" (known: ${vendors.map((v) => v.name).join(', ') || 'none'})`);
    if (vendor.upstream === null) throw new ConfigError('--vendor', `${vendor.file} names no upstream (where the vendor publishes its document; see docs/adding-a-vendor.md)`);
  }
  const http = httpOptions(options.env);
  const outcomes: RefreshOutcome[] = [];
  for (const vendor of chosen) {
    const upstream = vendor.upstream!;
    const wire = await readWireBaseline(baselinesDirFrom(options.env, options.cwd), vendor.name, 'live');
    const check = await checkUpstream({ ...vendor, upstream }, { cwd: options.cwd, http, wire });
    if ('unreachable' in check) {
      outcomes.push({ vendor: vendor.name, url: upstream.url, unreachable: check.unreachable });
      continue;
    }
    const written = check.candidate === null || !newsIn(check.diff) ? null : await writeRefreshed({ ...check, candidate: check.candidate }, options.cwd);
    outcomes.push({ vendor: vendor.name, url: upstream.url, base: check.base, diff: check.diff, written });
  }
  return outcomes;
}

/** Whether the diff found a change: a bound the diff stopped at (spec-diff-incomplete) says nothing changed. */
function newsIn(diff: SpecDiff): boolean {
  return diff.changes.some((change) => change.id !== 'spec-diff-incomplete');
}
