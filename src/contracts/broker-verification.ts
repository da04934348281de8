import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CONFORM_ROOT } from '../vendors/index.ts';
import type { BrokerSettings } from './broker.ts';
import { askBroker, BrokerError, linkOf } from './broker-http.ts';
import type { StoredContract } from './contract-file.ts';
import type { GitVersion } from './consumer-version.ts';
import type { ContractVerification, InteractionVerdict } from './verification.ts';

/** The versions a verification result is published under. */
export interface ResultVersions {
  /** The consumer version the verified pact was published under (conform contracts publish). */
  consumer: string;
  provider: GitVersion;
}

/** What the broker now holds: the result, and how many interactions it covers. */
export interface PublishedResult {
  success: boolean;
  tested: number;
}

/**
 * Why a verification is not published (null when it may be): only a live contract's, as only live
 * contracts are published, and only one that verified something and could verify all it sent. An
 * interaction the vendor could not answer says nothing of its contract, so it must not fail the pact.
 */
export function unpublishable(contract: StoredContract, verification: ContractVerification): string | null {
  if (contract.kind !== 'live') return `verified against the embedded sandbox, which is not ${contract.provider}; only live verifications are published`;
  if (verification.problem !== null) return 'it could not verify';
  const unverifiable = verification.interactions.filter((interaction) => interaction.outcome === 'error').length;
  if (unverifiable > 0) return `${unverifiable} interaction${unverifiable === 1 ? '' : 's'} could not be verified`;
  if (!verification.interactions.some(tested)) return 'no interaction was verified (all were skipped)';
  return null;
}

/**
 * Publishes one verification with the broker's HAL API: from the index, the pact the consumer version
 * holds (refused unless its interactions are the verified contract's), the provider version's branch
 * (pb:pacticipant-branch-version), then the result to the pact's pb:publish-verification-results.
 * Every failure is a BrokerError with a located message.
 */
export async function publishVerification(broker: BrokerSettings, index: unknown, contract: StoredContract, verification: ContractVerification, versions: ResultVersions): Promise<PublishedResult> {
  const names = { provider: contract.provider, consumer: contract.consumer };
  const pactUrl = linkOf(index, 'pb:publish-pact', { ...names, consumerApplicationVersion: versions.consumer });
  if (pactUrl === null) throw new BrokerError("the Pact Broker's index has no pb:publish-pact link: it is not a Pact Broker conform can use", null);
  const between = `${contract.consumer} ${versions.consumer} and ${contract.provider}`;
  const pact = await askBroker(broker, 'GET', pactUrl).catch((error: unknown) => {
    if (error instanceof BrokerError && error.status === 404) {
      throw new BrokerError(`the Pact Broker has no pact between ${between}: publish it first with conform contracts publish`, 404);
    }
    throw error;
  });
  const verified = (JSON.parse(contract.text) as { interactions?: unknown }).interactions;
  if (!isDeepStrictEqual(withoutBrokerIds((pact.json as { interactions?: unknown } | null)?.interactions), verified)) {
    throw new BrokerError(`the Pact Broker's pact between ${between} is not the contract verified (${contract.file}): publish it with conform contracts publish first`, null);
  }
  const resultsUrl = linkOf(pact.json, 'pb:publish-verification-results');
  if (resultsUrl === null) throw new BrokerError(`the Pact Broker's pact between ${between} has no pb:publish-verification-results link`, null);
  const { branch, version } = versions.provider;
  if (branch !== null) {
    const branchUrl = linkOf(index, 'pb:pacticipant-branch-version', { pacticipant: contract.provider, branch, version });
    if (branchUrl === null) throw new BrokerError("the Pact Broker's index has no pb:pacticipant-branch-version link: it cannot record the provider version's branch", null);
    await askBroker(broker, 'PUT', branchUrl, {});
  }
  const testResults = verification.interactions.filter(tested).map(testResult);
  const success = testResults.every((result) => result.success);
  await askBroker(broker, 'POST', resultsUrl, { success, providerApplicationVersion: version, verifiedBy: { implementation: 'conform', version: conformVersion() }, testResults });
  return { success, tested: testResults.length };
}

/** The interactions as published: the Broker gives each an `_id` of its own when it stores a pact, and answers with it. */
function withoutBrokerIds(interactions: unknown): unknown {
  if (!Array.isArray(interactions)) return interactions;
  return interactions.map((interaction: unknown) => {
    if (interaction === null || typeof interaction !== 'object' || !('_id' in interaction)) return interaction;
    const { _id: _, ...published } = interaction as Record<string, unknown>;
    return published;
  });
}

/** A skipped interaction was not verified: it is left out of the results (the Broker may then say so). */
function tested(interaction: InteractionVerdict): boolean {
  return interaction.outcome === 'verified' || interaction.outcome === 'broken';
}

function testResult(interaction: InteractionVerdict) {
  return {
    interactionDescription: interaction.description,
    success: interaction.outcome === 'verified',
    ...(interaction.mismatches.length > 0
      ? { mismatches: interaction.mismatches.map((mismatch) => ({ attribute: mismatch.pointer === null ? 'response' : 'body', identifier: mismatch.pointer, description: mismatch.text })) }
      : {}),
  };
}

function conformVersion(): string {
  return (JSON.parse(readFileSync(join(CONFORM_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
