import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HttpClientOptions } from '../../http/index.ts';
import { gradeWithWire, type Baseline } from '../../judge/index.ts';
import { diffSpecs, loadSpec, SpecLoadError, type LoadedSpec, type SpecDiff } from '../../spec/index.ts';
import type { VendorDefinition, VendorUpstream } from '../../vendors/index.ts';
import { candidateOf, type Candidate } from './candidate.ts';
import { fetchUpstream } from './fetch.ts';
import { newestCheckedIn } from './base.ts';

/** What a vendor's upstream holds against its newest checked-in document; or why that could not be told. */
export type UpstreamCheck =
  | { vendor: string; upstream: VendorUpstream; unreachable: string }
  | { vendor: string; upstream: VendorUpstream; base: string; candidate: Candidate & { retrievedAt: string }; diff: SpecDiff }
  /** The upstream sent the very bytes the base was refreshed from (its x-provenance.upstream.sha256). */
  | { vendor: string; upstream: VendorUpstream; base: string; candidate: null; diff: SpecDiff };

export interface UpstreamOptions {
  cwd: string;
  http: HttpClientOptions;
  /** The vendor's live baseline, whose wire observations grade the changes; null when it has none. */
  wire: Baseline | null;
}

/**
 * Fetches a vendor's published document, makes it a candidate version (imported from a page, or the
 * OpenAPI file as it is, with provenance), loads it with the one loader and diffs it against the
 * newest checked-in version (unchanged without a diff when the bytes are those the base was
 * refreshed from), the changes graded with the vendor's live baseline (`wire`, as
 * `conform specs diff` grades them). Writes nothing (the candidate is loaded from a temporary folder).
 * Never throws for what the upstream sends: an unreachable server, an error status, a document
 * that cannot be read or that refers to files outside itself are the reason in words. A checked-in
 * document that cannot be loaded is the loader's SpecLoadError, as everywhere.
 */
export async function checkUpstream(vendor: VendorDefinition & { upstream: VendorUpstream }, options: UpstreamOptions): Promise<UpstreamCheck> {
  const { upstream } = vendor;
  const unreachable = (reason: string): UpstreamCheck => ({ vendor: vendor.name, upstream, unreachable: reason });
  const fetched = await fetchUpstream(upstream, options.http);
  if ('unreachable' in fetched) return unreachable(fetched.unreachable);
  const baseFile = await newestCheckedIn(vendor, options.cwd);
  const base = await loadSpec(baseFile, { cwd: options.cwd, vendor: vendor.name });
  if (refreshedSha256(base) === fetched.sha256) return { vendor: vendor.name, upstream, base: baseFile, candidate: null, diff: { breaking: false, changes: [] } };
  const candidate = candidateOf(vendor.name, upstream, fetched);
  if ('unusable' in candidate) return unreachable(`the published document cannot be used: ${candidate.unusable}`);
  const revision = await loadCandidate(vendor.name, candidate);
  if ('unusable' in revision) return unreachable(`the published document cannot be used: ${revision.unusable}`);
  return { vendor: vendor.name, upstream, base: baseFile, candidate: { ...candidate, retrievedAt: fetched.retrievedAt }, diff: gradeWithWire(diffSpecs(base, revision), options.wire) };
}

/** The candidate loaded alone in a temporary folder: any $ref beyond it is a hole a diff would misread, so it is refused. */
async function loadCandidate(vendor: string, candidate: Candidate): Promise<LoadedSpec | { unusable: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'conform-upstream-'));
  try {
    await writeFile(join(dir, 'upstream.yaml'), candidate.yaml);
    const spec = await loadSpec('upstream.yaml', { cwd: dir, vendor });
    const external = spec.defects.find((d) => d.id === 'spec-ref-outside' || (d.id === 'spec-ref-unresolved' && !(d.observed ?? '').startsWith('#')));
    if (external) return { unusable: `#${external.location?.pointer ?? ''}: $ref ${(external.observed ?? '').slice(0, 120)} is not in the document (a refresh fetches one file)` };
    return spec;
  } catch (error) {
    if (error instanceof SpecLoadError) return { unusable: `${error.code}: ${error.problem}` };
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The SHA-256 a refresh recorded for the bytes it wrote `spec` from; null for a document no refresh wrote. */
function refreshedSha256(spec: LoadedSpec): string | null {
  const provenance = spec.document['x-provenance'] as { upstream?: { sha256?: unknown } } | undefined;
  const sha256 = provenance?.upstream?.sha256;
  return typeof sha256 === 'string' ? sha256 : null;
}
