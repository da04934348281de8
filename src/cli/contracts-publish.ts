import { relative } from 'node:path';
import { ContractFileError, consumerVersion, contractSettings, publishToBroker, readContracts, type StoredContract } from '../contracts/index.ts';
import { redactText } from '../redaction/index.ts';
import { readEnvironment } from '../run/index.ts';
import { displayUrl } from '../vendors/index.ts';
import { EXIT } from '../results/index.ts';
import { brokerOrComplain } from './broker-settings.ts';
import type { Command } from './io.ts';
import type { CommandDeclaration } from './options.ts';
import { parseCommandArgs } from './usage-error.ts';

const COMMAND = 'contracts publish';

export const contractsPublishDeclaration = { command: COMMAND, usage: '', options: {} } as const satisfies CommandDeclaration;

/**
 * `conform contracts publish`: every live contract to the Pact Broker, under the consumer version
 * from git. Sandbox contracts (CONSUMER-VENDOR.sandbox.json) are skipped, each with a line: the
 * embedded sandbox is not the vendor, and the Broker would hold its answers as the vendor's. Exit 0
 * published, 1 the broker refused, 2 could not publish (configuration, no live contract, no git
 * version, broker unreachable).
 */
export const contractsPublishCommand: Command = async (args, io) => {
  parseCommandArgs(contractsPublishDeclaration, args);
  const env = readEnvironment(io.cwd, io.env);
  const broker = brokerOrComplain(COMMAND, env, io);
  if (broker === null) return EXIT.cannotRun;
  // The broker's answers and errors are printed: whatever it echoes of the credentials is redacted.
  const { secretForms } = broker;
  const out = { stdout: (text: string) => io.stdout(redactText(text, secretForms)), stderr: (text: string) => io.stderr(redactText(text, secretForms)) };
  const fail = (message: string) => {
    out.stderr(`conform ${COMMAND}: ${message}\n`);
    return EXIT.cannotRun;
  };
  const { dir } = contractSettings(env, io.cwd);
  let contracts: StoredContract[];
  try {
    contracts = await readContracts(dir);
  } catch (error) {
    if (error instanceof ContractFileError) return fail(error.message);
    throw error;
  }
  for (const contract of contracts.filter((c) => c.kind === 'sandbox')) {
    out.stdout(`skipped ${relative(io.cwd, contract.file)}: recorded against the embedded sandbox, which is not ${contract.provider}; only live contracts are published\n`);
  }
  // A live name is not enough: only a pact conform marked as recorded live goes out as the vendor's.
  for (const contract of contracts.filter((c) => c.kind === 'live' && c.recorded !== 'live')) {
    out.stdout(`skipped ${relative(io.cwd, contract.file)}: not marked as recorded live (written before conform marked its contracts, or by another tool); record it again with a live conform run\n`);
  }
  const live = contracts.filter((contract) => contract.kind === 'live' && contract.recorded === 'live');
  if (live.length === 0) {
    const only = contracts.length > 0 ? ' (only sandbox ones, which are never published)' : '';
    return fail(`no live contracts in ${dir}${only}; record them with: conform run, with the vendors' live variables set`);
  }
  let version;
  try {
    version = await consumerVersion(io.cwd);
  } catch (error) {
    return fail((error as Error).message);
  }
  let results;
  try {
    results = await publishToBroker(broker, live, version);
  } catch (error) {
    return fail(`cannot reach the Pact Broker at ${displayUrl(broker.baseUrl)}: ${(error as Error).message}`);
  }
  const on = version.branch ? ` on branch ${version.branch}` : '';
  for (const result of results) {
    const files = result.contracts.map((contract) => relative(io.cwd, contract.file)).join(', ');
    const line = result.ok
      ? `published ${files} as ${result.consumer} ${version.version}${on}\n`
      : `the Pact Broker refused ${files} (HTTP ${result.status})\n`;
    (result.ok ? out.stdout : out.stderr)(line + result.messages.map((message) => `  ${message}\n`).join(''));
  }
  return results.every((result) => result.ok) ? EXIT.pass : EXIT.fail;
};
