import { join, relative, resolve } from 'node:path';
import {
  ContractFileError,
  contractFile,
  contractSettings,
  readContract,
  verifyContract,
  contractBroken,
  type ContractVerification,
  type InteractionVerdict,
  type StoredContract,
} from '../contracts/index.ts';
import { ListedPointers, maskContractMismatch } from '../privacy/index.ts';
import { redactText } from '../redaction/index.ts';
import { loadPolicy } from '../judge/index.ts';
import { rejudgeLatest, type Rejudged } from '../pipeline/index.ts';
import { readEnvironment, resolveRunConfig, type RunConfig, describeTarget, startTargets, targetSecretForms, unknownVariableWarnings } from '../run/index.ts';
import { ConfigError, loadVendors, type VendorTarget } from '../vendors/index.ts';
import { EXIT } from '../results/index.ts';
import type { CliIo, Command } from './io.ts';
import type { CommandDeclaration } from './options.ts';
import { parseCommandArgs, UsageError } from './usage-error.ts';
import { publishPlan, publishResults, type PublishPlan } from './verify-publish.ts';

export const verifyDeclaration = {
  command: 'verify',
  usage: '[--vendor V] [--publish [--provider-version V] [--provider-branch B]]',
  options: {
    vendor: { type: 'string', value: 'V', description: 'verify only this vendor\'s contract (default: the vendors conform run would select)' },
    publish: { type: 'boolean', description: 'publish the results of live contracts to the Pact Broker (also PACT_BROKER_PUBLISH_VERIFICATION_RESULTS=true)' },
    'provider-version': { type: 'string', value: 'V', description: 'the provider version the results are published under (default: PACT_PROVIDER_VERSION, else git rev-parse --short HEAD)' },
    'provider-branch': { type: 'string', value: 'B', description: "that version's branch (default: PACT_PROVIDER_BRANCH, else git's branch when the version is git's)" },
  },
} as const satisfies CommandDeclaration;

/**
 * `conform verify [--vendor V]`: the Pact Verifier on each vendor's stored contract, against the
 * vendor's target as `conform run` would configure it: the live contract for a live target, the
 * sandbox contract for the embedded sandbox. Broken interactions become `contract-broken` findings in
 * reports/latest/VENDOR.json, for the vendors the stored run ran there (the others are named as
 * skipped). With --publish, the live contracts' results go to the Pact Broker (verify-publish.ts).
 * Exit 0 all verified, 1 a contract broken, 2 could not verify (or could not publish).
 */
export const verifyCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(verifyDeclaration, args);
  const known = loadVendors(io.cwd).map((vendor) => vendor.name);
  if (values.vendor !== undefined && !known.includes(values.vendor)) {
    throw new UsageError(`conform verify: unknown vendor "${values.vendor}" (known: ${known.join(', ')})`);
  }
  const env = readEnvironment(io.cwd, io.env);
  for (const warning of unknownVariableWarnings(env, io.cwd)) io.stderr(`warning: ${warning}\n`);
  let config: RunConfig;
  try {
    config = resolveRunConfig(values.vendor ? { ...env, CONFORM_VENDORS: values.vendor } : env, io.cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`conform verify: configuration error: ${error.message}\n`);
    return EXIT.cannotRun;
  }
  let plan: PublishPlan | null;
  try {
    plan = await publishPlan(values, env, io.cwd);
  } catch (error) {
    const kind = error instanceof ConfigError ? 'configuration error: ' : '';
    io.stderr(`conform verify: ${kind}${(error as Error).message}\n`);
    return EXIT.cannotRun;
  }
  const settings = contractSettings(env, io.cwd);
  // How the run is judged again (waivers, thresholds, severity): read before any request, so a mistake stops it first.
  const policy = await loadPolicy(env, io.cwd);
  // Every contract is read before any sandbox starts: a broken one stops the command at once. A vendor
  // with none yet (a first live night on which it did not pass) is skipped, unless it was asked for by name.
  const reads = await Promise.allSettled(config.plans.map((plan) => readContract(contractFile(settings, plan.vendor, plan.mode))));
  const stops: ContractFileError[] = [];
  const kept: Array<{ plan: RunConfig['plans'][number]; contract: StoredContract }> = [];
  for (const [index, read] of reads.entries()) {
    if (read.status === 'fulfilled') kept.push({ plan: config.plans[index]!, contract: read.value });
    else if (!(read.reason instanceof ContractFileError)) throw read.reason;
    else if (read.reason.missing && values.vendor === undefined) io.stderr(`conform verify: skipped: ${read.reason.message}\n`);
    else stops.push(read.reason);
  }
  for (const error of stops) io.stderr(`conform verify: ${error.message}\n`);
  if (stops.length > 0 || kept.length === 0) return EXIT.cannotRun;
  const contracts = kept.map(({ contract }) => contract);

  const { targets, close } = await startTargets({ ...config, plans: kept.map(({ plan }) => plan) });
  const secrets = targetSecretForms(targets);
  // Mismatch texts quote what the vendor answered, and the broker may echo its credentials: both are redacted.
  const printed = [...secrets, ...(plan?.broker.secretForms ?? [])];
  const out: CliIo = { ...io, stdout: (text) => io.stdout(redactText(text, printed)), stderr: (text) => io.stderr(redactText(text, printed)) };
  try {
    const verifications: Array<{ target: VendorTarget; verification: ContractVerification }> = [];
    for (const [index, target] of targets.entries()) {
      out.stdout(`${target.vendor.padEnd(7)} ${describeTarget(target)}\n`);
      const verification = withMaskedMismatches(await verifyContract(target, contracts[index]!), target);
      for (const interaction of verification.interactions) out.stdout(interactionLines(target.vendor, interaction));
      verifications.push({ target, verification });
    }
    const verified = verifications.filter(({ verification }) => verification.problem === null);
    const later = verified.map(({ target, verification }) => ({ target, findings: contractBroken(verification) }));
    const reportsDir = resolve(io.cwd, config.reportsDir);
    const rejudged = await rejudgeLatest({ policy, reportsDir, later, secretForms: secrets });
    const code = summarise(verifications.map((v) => v.verification), rejudged, join(reportsDir, 'latest'), out);
    if (plan === null) return code;
    // Results the Broker did not get leave the gate uninformed: that is a verify that could not finish.
    const published = await publishResults(plan, verifications.map(({ verification }, index) => ({ contract: contracts[index]!, verification })), secrets, out);
    return published ? code : EXIT.cannotRun;
  } finally {
    await close();
  }
};

/** Mismatch texts quote the vendor's answer: printed and stored only as the privacy rule allows (src/privacy). */
function withMaskedMismatches(verification: ContractVerification, target: VendorTarget): ContractVerification {
  const listed = new ListedPointers(target.nonPersonal);
  return {
    ...verification,
    interactions: verification.interactions.map((interaction) => ({
      ...interaction,
      mismatches: interaction.mismatches.map((mismatch) => ({ ...mismatch, text: maskContractMismatch(mismatch, listed) })),
    })),
  };
}

const MARK: Record<InteractionVerdict['outcome'], string> = { verified: 'ok  ', broken: 'FAIL', skipped: 'skip', error: 'ERR ' };

function interactionLines(vendor: string, interaction: InteractionVerdict): string {
  const reason = interaction.reason ? `: ${interaction.reason}` : '';
  const mismatches = interaction.mismatches.map((m) => `       ${m.pointer === null ? '' : `at ${m.pointer || '/'}: `}${m.text}\n`);
  return `${MARK[interaction.outcome]} ${vendor.padEnd(7)} ${interaction.description}${reason}\n${mismatches.join('')}`;
}

function summarise(verifications: ContractVerification[], rejudged: Rejudged, latest: string, io: CliIo): number {
  io.stdout('\n');
  for (const verification of verifications) {
    const count = (outcome: InteractionVerdict['outcome']) => verification.interactions.filter((i) => i.outcome === outcome).length;
    const file = shown(verification.file, io.cwd);
    if (verification.problem) io.stderr(`problem: ${verification.vendor}: ${verification.problem}\n`);
    else io.stdout(`${verification.vendor.padEnd(7)} ${count('verified')} verified, ${count('broken')} broken, ${count('skipped')} skipped, ${count('error')} not verifiable (${file})\n`);
  }
  if (rejudged.path === null) io.stdout(`reports: none written (no stored run in ${shown(latest, io.cwd)}; conform run writes one)\n`);
  else {
    for (const { vendor, reason } of rejudged.skipped) io.stdout(`report of ${vendor} not updated: ${reason}\n`);
    io.stdout(`reports: ${shown(rejudged.path, io.cwd)}\n`);
  }
  const all = verifications.flatMap((v) => v.interactions);
  if (verifications.some((v) => v.problem) || all.some((i) => i.outcome === 'error')) return EXIT.cannotRun;
  return all.some((i) => i.outcome === 'broken') ? EXIT.fail : EXIT.pass;
}

function shown(path: string, cwd: string): string {
  const relativePath = relative(cwd, path);
  return relativePath.startsWith('..') ? path : relativePath;
}
