import { BrokerError, recordDeployment } from '../contracts/index.ts';
import { readEnvironment } from '../run/index.ts';
import { EXIT } from '../results/index.ts';
import { brokerOrComplain, pacticipantOf, PACTICIPANT_OPTION } from './broker-settings.ts';
import type { Command } from './io.ts';
import type { CommandDeclaration } from './options.ts';
import { parseCommandArgs, UsageError } from './usage-error.ts';

const COMMAND = 'record-deployment';

export const recordDeploymentDeclaration = {
  command: COMMAND,
  usage: '[--pacticipant P] --version V --environment E',
  options: {
    pacticipant: PACTICIPANT_OPTION,
    version: { type: 'string', value: 'V', description: 'the version deployed' },
    environment: { type: 'string', value: 'E', description: 'the environment it was deployed to' },
  },
} as const satisfies CommandDeclaration;

/**
 * `conform record-deployment`: tells the Pact Broker a version is now deployed to an environment,
 * which `conform can-i-deploy --to-environment` then checks against. Exit 0 recorded, 2 could not.
 */
export const recordDeploymentCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(recordDeploymentDeclaration, args);
  if (values.version === undefined || values.environment === undefined) throw new UsageError(`conform ${COMMAND}: name --version V and --environment E; see conform ${COMMAND} --help`);
  const env = readEnvironment(io.cwd, io.env);
  const broker = brokerOrComplain(COMMAND, env, io);
  if (broker === null) return EXIT.cannotRun;
  const pacticipant = pacticipantOf(values.pacticipant, env);
  try {
    await recordDeployment(broker, pacticipant, values.version, values.environment);
  } catch (error) {
    if (!(error instanceof BrokerError)) throw error;
    io.stderr(`conform ${COMMAND}: ${error.message}\n`);
    return EXIT.cannotRun;
  }
  io.stdout(`recorded: ${pacticipant} ${values.version} is deployed to ${values.environment}\n`);
  return EXIT.pass;
};
