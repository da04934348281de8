import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeConsumerPact, type ConsumerPact } from '@pact-foundation/pact-core';
// The matchers alone: the package root also loads the mock server and verifier (4x the start-up).
import * as MatchersV3 from '@pact-foundation/pact/src/v3/matchers.js';
import { ownedName, removeLeftovers } from '../files/leftovers.ts';
import { testKillPoint } from '../files/test-kill.ts';
import { redactText } from '../redaction/index.ts';
import type { InteractionPlan } from './interaction.ts';
import { mediaTypePattern } from './string-shapes.ts';

/** pact-core's FfiSpecificationVersion.SPECIFICATION_VERSION_V4 (its package root does not export the table). */
const PACT_V4 = 5;

/**
 * Writes one contract through pact-core: a fresh pact handle, one interaction per plan in
 * description order, ONE writePactFile (a second write on the same handle would duplicate every
 * interaction). Pact writes into a staging folder next to `file`; the text is redacted there and
 * renamed into place, so readers never see a half-written or unredacted contract. Staging folders
 * that killed runs left beside it are removed first.
 */
export async function writeContract(file: string, names: { consumer: string; provider: string }, plans: readonly InteractionPlan[], secretForms: readonly string[]): Promise<void> {
  const pact = makeConsumerPact(names.consumer, names.provider, PACT_V4, 'error');
  for (const plan of [...plans].sort((a, b) => (a.description < b.description ? -1 : a.description > b.description ? 1 : 0))) addInteraction(pact, plan);
  await mkdir(dirname(file), { recursive: true });
  await removeLeftovers(dirname(file), /\.staging/);
  const staging = join(dirname(file), ownedName('.staging'));
  await mkdir(staging);
  try {
    pact.writePactFile(staging, false);
    const [written] = await readdir(staging);
    if (!written) throw new Error(`pact-core wrote no pact file for ${names.provider}`);
    const ready = join(staging, `${written}.redacted`);
    const text = redactText(await readFile(join(staging, written), 'utf8'), secretForms);
    await writeFile(ready, text.endsWith('\n') ? text : `${text}\n`);
    testKillPoint('contract-staged');
    await rename(ready, file);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
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
    // Held by its media type: a charset or parameter added or dropped is no drift.
    steps.push(interaction.withResponseHeader('Content-Type', 0, JSON.stringify(MatchersV3.regex(mediaTypePattern(mediaType), contentType))));
    if (body !== undefined) steps.push(interaction.withResponseBody(JSON.stringify(body), mediaType));
  }
  if (steps.includes(false)) throw new Error(`pact-core refused part of the interaction "${plan.description}"`);
}
