import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SpecLoadError } from '../spec/index.ts';
import { CONFORM_ROOT, ConfigError } from '../vendors/index.ts';
import { EXIT } from '../results/index.ts';
import { commandHelp, commandList, wantsHelp } from './help.ts';
import { processIo, type CliIo, type Command } from './io.ts';
import type { CommandDeclaration } from './options.ts';
import { UsageError } from './usage-error.ts';

/** A command's code and its declaration (usage and options), which its parser and its --help both read. */
interface LoadedCommand {
  run: Command;
  declaration: CommandDeclaration;
}

/** A command as the registry knows it before loading: its one-line summary for the command list. */
export interface RegisteredCommand {
  load: () => Promise<LoadedCommand>;
  summary: string;
}

/**
 * Command words -> command. One file per command under src/cli/, loaded only when called: a command
 * does not pay for the others' dependencies (Pact, vitest) at start-up.
 */
export const COMMANDS: Readonly<Record<string, RegisteredCommand>> = {
  run: { load: () => import('./run.ts').then((m) => ({ run: m.runCommand, declaration: m.runDeclaration })), summary: 'run every vendor suite (live or embedded sandbox) and write reports/latest/' },
  merge: { load: () => import('./merge.ts').then((m) => ({ run: m.mergeCommand, declaration: m.mergeDeclaration })), summary: 'judge the shards of a conform run --shard I/N (their reports folders) as one run: reports/latest/, baselines, contracts' },
  audit: { load: () => import('./audit.ts').then((m) => ({ run: m.auditCommand, declaration: m.auditDeclaration })), summary: 'audit a vendor from its OpenAPI document and base URL alone: audit.json, .md, .html with a scorecard' },
  init: { load: () => import('./init.ts').then((m) => ({ run: m.initCommand, declaration: m.initDeclaration })), summary: 'write vendors/NAME.yaml from the flags conform audit takes (variables, never credential values)' },
  check: { load: () => import('./check.ts').then((m) => ({ run: m.checkCommand, declaration: m.checkDeclaration })), summary: 'check one saved response against a vendor document' },
  'specs lint': { load: () => import('./specs-lint.ts').then((m) => ({ run: m.specsLintCommand, declaration: m.specsLintDeclaration })), summary: 'list the defects of vendor documents (default: specs/)' },
  'specs diff': { load: () => import('./specs-diff.ts').then((m) => ({ run: m.specsDiffCommand, declaration: m.specsDiffDeclaration })), summary: 'the changes between two versions of a vendor document, graded for a consumer (exit 1 when breaking)' },
  'specs refresh': {
    load: () => import('./specs-refresh.ts').then((m) => ({ run: m.specsRefreshCommand, declaration: m.specsRefreshDeclaration })),
    summary:
      "fetch each vendor's published document (its file's upstream), diff it against the newest in specs/ and write it there as a new version when it changed (exit 3, inconclusive as in conform run, when one could not be compared: unchanged is not known)",
  },
  'specs import': { load: () => import('./specs-import.ts').then((m) => ({ run: m.specsImportCommand, declaration: m.specsImportDeclaration })), summary: 'build OpenAPI documents from saved vendor documentation pages (files: no network at run time, a URL is refused)' },
  sandbox: { load: () => import('./sandbox.ts').then((m) => ({ run: m.sandboxCommand, declaration: m.sandboxDeclaration })), summary: 'run one embedded vendor sandbox' },
  report: { load: () => import('./report.ts').then((m) => ({ run: m.reportCommand, declaration: m.reportDeclaration })), summary: 're-render reports/latest/ (md, html, junit, summary) from its stored JSON' },
  'baseline update': {
    load: () => import('./baseline-update.ts').then((m) => ({ run: m.baselineUpdateCommand, declaration: m.baselineUpdateDeclaration })),
    summary: "accept the latest run's response shapes and findings as the baseline (baselines/)",
  },
  verify: { load: () => import('./verify.ts').then((m) => ({ run: m.verifyCommand, declaration: m.verifyDeclaration })), summary: 'verify the stored Pact contracts against each vendor (live or embedded sandbox)' },
  'contracts publish': { load: () => import('./contracts-publish.ts').then((m) => ({ run: m.contractsPublishCommand, declaration: m.contractsPublishDeclaration })), summary: 'publish the stored Pact contracts to a Pact Broker' },
  'can-i-deploy': { load: () => import('./can-i-deploy.ts').then((m) => ({ run: m.canIDeployCommand, declaration: m.canIDeployDeclaration })), summary: "ask the Pact Broker's matrix whether a version may be deployed (exit 0 yes, 1 no)" },
  'record-deployment': { load: () => import('./record-deployment.ts').then((m) => ({ run: m.recordDeploymentCommand, declaration: m.recordDeploymentDeclaration })), summary: 'tell the Pact Broker a version is deployed to an environment (what can-i-deploy checks against)' },
};

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-V') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT.pass;
  }
  // `conform help specs lint` is `conform specs lint --help`.
  const words = argv[0] === 'help' && argv.length > 1 ? [...argv.slice(1), '--help'] : argv;
  const match = Object.keys(COMMANDS)
    .filter((command) => command.split(' ').every((word, i) => words[i] === word))
    .sort((a, b) => b.length - a.length)[0];
  if (!match) return listCommands(words, io);
  const entry = COMMANDS[match]!;
  const args = words.slice(match.split(' ').length);
  try {
    const { run, declaration } = await entry.load();
    if (wantsHelp(args)) {
      io.stdout(commandHelp(declaration, entry.summary));
      return EXIT.pass;
    }
    return await run(args, io);
  } catch (error) {
    // A user's mistake is one located line; anything else is our bug and keeps its stack.
    if (error instanceof UsageError) io.stderr(`${error.message}\n`);
    else if (error instanceof SpecLoadError) io.stderr(`conform: ${error.located}\n`);
    else if (error instanceof ConfigError) io.stderr(`conform ${match}: configuration error: ${error.message}\n`);
    else throw error;
    return EXIT.cannotRun;
  }
}

/**
 * No command matched: the commands (of a group, for `conform specs --help`) on stdout when they were
 * asked for, else on stderr after naming what was not understood, exit 2.
 */
function listCommands(argv: string[], io: CliIo): number {
  const group = Object.keys(COMMANDS).filter((command) => command.startsWith(`${argv[0]} `));
  if (group.length > 0) {
    const asked = argv.length === 2 && wantsHelp(argv.slice(1));
    const text = `usage: conform ${argv[0]} COMMAND [--help]\n\ncommands:\n${commandList(group.map((command) => [command, COMMANDS[command]!.summary]))}`;
    return answer(io, asked, argv, text);
  }
  const asked = argv.length === 0 || (argv.length === 1 && (argv[0] === 'help' || wantsHelp(argv)));
  const text =
    'usage: conform COMMAND [options]   (conform COMMAND --help lists its options; conform --version its version)\n\n' +
    `commands:\n${commandList(Object.entries(COMMANDS).map(([command, { summary }]) => [command, summary]))}`;
  return answer(io, asked, argv, text);
}

function answer(io: CliIo, asked: boolean, argv: string[], text: string): number {
  if (asked) io.stdout(text);
  else io.stderr(`conform: unknown command "${argv.join(' ')}"\n\n${text}`);
  return asked ? EXIT.pass : EXIT.cannotRun;
}

/** The version in package.json, read when asked: one place to bump it. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(join(CONFORM_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
