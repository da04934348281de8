import {
  BrokerError,
  brokerIndex,
  brokerSettings,
  consumerVersion,
  providerVersion,
  publishVerification,
  unpublishable,
  type BrokerSettings,
  type ContractVerification,
  type GitVersion,
  type ResultVersions,
  type StoredContract,
} from '../contracts/index.ts';
import { redactStrings } from '../redaction/index.ts';
import { optional, type Env } from '../vendors/index.ts';
import type { CliIo } from './io.ts';

/** Where and under which versions `conform verify --publish` publishes. */
export interface PublishPlan {
  broker: BrokerSettings;
  versions: ResultVersions;
}

export interface PublishFlags {
  publish?: boolean;
  'provider-version'?: string;
  'provider-branch'?: string;
}

/**
 * The plan, or null when publishing was not asked for: opt-in, by --publish or Pact's
 * PACT_BROKER_PUBLISH_VERIFICATION_RESULTS=true, so a developer's local verify never reaches the
 * Broker. Read before anything is verified: a broker or version that cannot be had stops verify first
 * (ConfigError for the broker's variables, Error for git).
 */
export async function publishPlan(flags: PublishFlags, env: Env, cwd: string): Promise<PublishPlan | null> {
  if (!flags.publish && optional(env, 'PACT_BROKER_PUBLISH_VERIFICATION_RESULTS') !== 'true') return null;
  const broker = brokerSettings(env);
  const named = flags['provider-version'] ?? optional(env, 'PACT_PROVIDER_VERSION');
  const branch = flags['provider-branch'] ?? optional(env, 'PACT_PROVIDER_BRANCH');
  // A version named by hand is the vendor's, not this repository's: it takes git's branch only when asked.
  const provider: GitVersion = named ? { version: named, branch } : { ...(await providerVersion(cwd)), ...(branch ? { branch } : {}) };
  return { broker, versions: { consumer: (await consumerVersion(cwd)).version, provider } };
}

/**
 * Publishes each live verification, one line each (published, or why not); a broker failure is a
 * located line on stderr. Returns whether every publishable result reached the broker. The results
 * go out redacted like the reports (`secrets`: the targets' credentials).
 */
export async function publishResults(plan: PublishPlan, verified: Array<{ contract: StoredContract; verification: ContractVerification }>, secrets: readonly string[], io: CliIo): Promise<boolean> {
  const { versions } = plan;
  const on = versions.provider.branch ? ` on branch ${versions.provider.branch}` : '';
  let index: unknown = null;
  let allPublished = true;
  for (const { contract, verification } of verified) {
    const why = unpublishable(contract, verification);
    if (why !== null) {
      io.stdout(`not published: ${contract.provider}: ${why}\n`);
      continue;
    }
    try {
      index ??= await brokerIndex(plan.broker);
      const result = await publishVerification(plan.broker, index, contract, redactStrings(verification, secrets), versions);
      const outcome = result.success ? 'success' : 'failure';
      io.stdout(`published: ${contract.provider} ${versions.provider.version}${on} verified ${contract.consumer} ${versions.consumer}: ${outcome} (${result.tested} interactions)\n`);
    } catch (error) {
      if (!(error instanceof BrokerError)) throw error;
      io.stderr(`conform verify: cannot publish the verification of ${contract.provider}: ${error.message}\n`);
      allPublished = false;
    }
  }
  return allPublished;
}
