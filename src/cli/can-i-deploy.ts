import { BrokerError, canIDeploy, type DeployAnswer, type MatrixRow } from '../contracts/index.ts';
import { redactText } from '../redaction/index.ts';
import { readEnvironment } from '../run/index.ts';
import { EXIT } from '../results/index.ts';
import { brokerOrComplain, pacticipantOf, PACTICIPANT_OPTION } from './broker-settings.ts';
import type { Command } from './io.ts';
import type { CommandDeclaration } from './options.ts';
import { parseCommandArgs, UsageError } from './usage-error.ts';

const COMMAND = 'can-i-deploy';

export const canIDeployDeclaration = {
  command: COMMAND,
  usage: '[--pacticipant P] (--version V | --latest | --branch B) [--to-environment E]',
  options: {
    pacticipant: PACTICIPANT_OPTION,
    version: { type: 'string', value: 'V', description: 'the version to deploy' },
    latest: { type: 'boolean', description: 'the latest version (of --branch, when given)' },
    branch: { type: 'string', value: 'B', description: 'the latest version of this branch' },
    'to-environment': { type: 'string', value: 'E', description: 'the environment it goes to (default: check against the latest version of each integrated application)' },
  },
} as const satisfies CommandDeclaration;

/**
 * `conform can-i-deploy`: asks the Pact Broker's matrix whether a version may be deployed, as the
 * Pact CLI's can-i-deploy does, and prints the matrix and the broker's reasons. Exit 0 yes, 1 no,
 * 2 could not ask (configuration, broker unreachable, refused or not answering the question).
 */
export const canIDeployCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(canIDeployDeclaration, args);
  const chosen = [values.version !== undefined, values.latest === true || values.branch !== undefined].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError(`conform ${COMMAND}: name the version to deploy: --version V, --latest or --branch B (one of them); see conform ${COMMAND} --help`);
  const env = readEnvironment(io.cwd, io.env);
  const broker = brokerOrComplain(COMMAND, env, io);
  if (broker === null) return EXIT.cannotRun;
  const pacticipant = pacticipantOf(values.pacticipant, env);
  const question = { pacticipant, version: values.version ?? null, branch: values.branch ?? null, environment: values['to-environment'] ?? null };
  let answer: DeployAnswer;
  try {
    answer = await canIDeploy(broker, question);
  } catch (error) {
    if (!(error instanceof BrokerError)) throw error;
    io.stderr(`conform ${COMMAND}: ${error.message}\n`);
    return EXIT.cannotRun;
  }
  // Whatever the broker says is printed: what it echoes of the credentials is redacted.
  const which = question.version ?? `the latest version${question.branch ? ` of branch ${question.branch}` : ''}`;
  const where = question.environment ? ` to ${question.environment}` : '';
  const text = `${matrixTable(answer.rows)}${answer.deployable ? 'yes' : 'no'}: ${pacticipant} ${which}${where} ${answer.deployable ? 'can' : 'cannot'} be deployed\n${answer.reasons.map((reason) => `  ${reason}\n`).join('')}`;
  io.stdout(redactText(text, broker.secretForms));
  return answer.deployable ? EXIT.pass : EXIT.fail;
};

/** The rows as the Pact CLI prints them: a column each, padded; nothing when there are none. */
function matrixTable(rows: readonly MatrixRow[]): string {
  if (rows.length === 0) return '';
  const header = ['CONSUMER', 'C.VERSION', 'PROVIDER', 'P.VERSION', 'SUCCESS?'];
  const cells = rows.map((row) => [row.consumer, row.consumerVersion, row.provider, row.providerVersion ?? '???', row.success === null ? '???' : String(row.success)]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) => `${cell.map((value, column) => value.padEnd(widths[column]!)).join(' | ').trimEnd()}\n`;
  return `${line(header)}${line(widths.map((width) => '-'.repeat(width)))}${cells.map(line).join('')}\n`;
}
