import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeConsumerPact, type ConsumerPact } from '@pact-foundation/pact-core';
import { redactText } from '../redaction/index.ts';
import type { ChunkJob } from './pact-chunk.ts';
import { splitPact, type PactParts } from './pact-text.ts';
import type { InteractionPlan } from './interaction.ts';
import { RECORDED_METADATA } from './recorded-metadata.ts';
import type { ContractKind } from './settings.ts';
import { mediaTypePattern } from './string-shapes.ts';

/** pact-core's FfiSpecificationVersion.SPECIFICATION_VERSION_V4 (its package root does not export the table). */
const PACT_V4 = 5;

/**
 * One pact's text from pact-core, in this process: a fresh pact handle, one interaction per plan,
 * ONE writePactFile (a second write on the same handle would duplicate every interaction), into a
 * private scratch folder (mkdtemp: 0700) outside the contracts folder, removed after: the text is not yet
 * redacted as a whole, and a child killed mid-write must not leave it where contracts are committed. The pact's metadata says what it was recorded
 * against (`conform.target`), so a renamed file cannot pass a sandbox's answers off as the vendor's.
 * pact-core never frees a handle (MEASURED.md): this runs in a short-lived child (pact-process.ts).
 */
export async function pactText(names: { consumer: string; provider: string }, plans: readonly InteractionPlan[], target: ContractKind): Promise<string> {
  const pact = makeConsumerPact(names.consumer, names.provider, PACT_V4, 'error');
  if (!pact.addMetadata(RECORDED_METADATA.namespace, RECORDED_METADATA.name, target)) throw new Error(`pact-core refused the contract's metadata for ${names.provider}`);
  // pact-core sorts the interactions by description as it writes.
  for (const plan of plans) addInteraction(pact, plan);
  const scratch = await mkdtemp(join(tmpdir(), 'conform-pact-'));
  try {
    // merge=false: overwrite. pact-core's merge re-reads the whole file; chunks are joined in pact-text.ts instead.
    pact.writePactFile(scratch, false);
    const [written] = await readdir(scratch);
    if (!written) throw new Error(`pact-core wrote no pact file for ${names.provider}`);
    return await readFile(join(scratch, written), 'utf8');
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** A chunk's pact, redacted whole and cut into interactions, as pact-text.ts joins them. */
export async function chunkParts(job: ChunkJob): Promise<PactParts> {
  return splitPact(redactText(await pactText(job.names, job.plans, job.target), job.secretForms));
}

function addInteraction(pact: ConsumerPact, plan: InteractionPlan): void {
  const interaction = pact.newInteraction(plan.description);
  const steps: boolean[] = [];
  if (plan.providerState) steps.push(interaction.given(plan.providerState));
  steps.push(interaction.setComment('case', plan.comments.case), interaction.setComment('operation', plan.comments.operation));
  steps.push(interaction.withRequest(plan.request.method, plan.request.path));
  const repeats = new Map<string, number>();
  for (const [name, value] of plan.request.query) {
    // The index counts repeats of one parameter name (?a=1&a=2), not parameters.
    const index = repeats.get(name) ?? 0;
    repeats.set(name, index + 1);
    steps.push(interaction.withQuery(name, index, value));
  }
  plan.request.headers.forEach(([name, value]) => steps.push(interaction.withRequestHeader(name, 0, value)));
  steps.push(interaction.withStatus(plan.response.status));
  const { contentType, mediaType, body } = plan.response;
  if (contentType && mediaType) {
    steps.push(interaction.withResponseHeader('Content-Type', 0, JSON.stringify(contentTypeMatcher(contentType, mediaType))));
    if (body !== undefined) steps.push(interaction.withResponseBody(JSON.stringify(body), mediaType));
  }
  if (steps.includes(false)) throw new Error(`pact-core refused part of the interaction "${plan.description}"`);
}

/**
 * A Content-Type held by its media type: a charset or parameter added or dropped is no drift. pact-core's
 * matcher JSON, as MatchersV3.regex makes it: that module (with ramda and randexp) would cost each
 * pact-core process a third of its start.
 */
function contentTypeMatcher(contentType: string, mediaType: string): unknown {
  return { 'pact:matcher:type': 'regex', regex: mediaTypePattern(mediaType), value: contentType };
}
