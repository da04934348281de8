import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeConsumerPact, type ConsumerPact } from '@pact-foundation/pact-core';
import { withScratchFolder, writeFileAtomically } from '../files/index.ts';
import type { InteractionPlan } from './interaction.ts';
import { RECORDED_METADATA, type ContractKind } from './settings.ts';
import { contentTypeMatcher } from './matchers.ts';

/** pact-core's FfiSpecificationVersion.SPECIFICATION_VERSION_V4 (its package root does not export the table). */
const PACT_V4 = 5;

/**
 * Writes one contract through pact-core: a fresh pact handle, one interaction per plan in
 * description order, ONE writePactFile (a second write on the same handle would duplicate every
 * interaction). pact-core writes into a scratch folder next to `file`; its text reaches `file` through
 * the one writer (redacted, atomic), so readers never see a half-written or unredacted contract. The
 * pact's metadata says what it was recorded against (`conform.target`), so a renamed file cannot pass
 * a sandbox's answers off as the vendor's.
 */
export async function writeContract(
  file: string,
  names: { consumer: string; provider: string },
  plans: readonly InteractionPlan[],
  secretForms: readonly string[],
  target: ContractKind,
): Promise<void> {
  const pact = makeConsumerPact(names.consumer, names.provider, PACT_V4, 'error');
  if (!pact.addMetadata(RECORDED_METADATA.namespace, RECORDED_METADATA.name, target)) throw new Error(`pact-core refused the contract's metadata for ${names.provider}`);
  for (const plan of [...plans].sort((a, b) => (a.description < b.description ? -1 : a.description > b.description ? 1 : 0))) addInteraction(pact, plan);
  const text = await withScratchFolder(file, async (scratch) => {
    pact.writePactFile(scratch, false);
    const [written] = await readdir(scratch);
    if (!written) throw new Error(`pact-core wrote no pact file for ${names.provider}`);
    return readFile(join(scratch, written), 'utf8');
  });
  await writeFileAtomically(file, text.endsWith('\n') ? text : `${text}\n`, secretForms);
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
