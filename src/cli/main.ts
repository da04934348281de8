import { SpecLoadError } from '../spec/index.ts';
import { ConfigError } from '../vendors/index.ts';
import { EXIT } from '../results/index.ts';
import { processIo, type CliIo, type Command } from './io.ts';
import { UsageError } from './usage-error.ts';

/**
 * Command words -> command. One file per command under src/cli/, loaded only when called: a command
 * does not pay for the others' dependencies (Pact, vitest) at start-up.
 */
const COMMANDS: Record<string, { load: () => Promise<Command>; summary: string }> = {
  run: { load: async () => (await import('./run.ts')).runCommand, summary: 'run every vendor suite (live or embedded sandbox) and write reports/latest/' },
  audit: { load: async () => (await import('./audit.ts')).auditCommand, summary: 'audit a vendor from its OpenAPI document and base URL alone: audit.json, .md, .html with a scorecard' },
  init: { load: async () => (await import('./init.ts')).initCommand, summary: 'write vendors/NAME.yaml from the flags conform audit takes (variables, never credential values)' },
  check: { load: async () => (await import('./check.ts')).checkCommand, summary: 'check one saved response against a vendor document' },
  'specs lint': { load: async () => (await import('./specs-lint.ts')).specsLintCommand, summary: 'list the defects of vendor documents (default: specs/)' },
  'specs import': { load: async () => (await import('./specs-import.ts')).specsImportCommand, summary: 'build OpenAPI documents from vendor documentation pages' },
  sandbox: { load: async () => (await import('./sandbox.ts')).sandboxCommand, summary: 'run one embedded vendor sandbox' },
  report: { load: async () => (await import('./report.ts')).reportCommand, summary: 're-render reports/latest/ (md, html, junit, summary) from its stored JSON' },
  'baseline update': {
    load: async () => (await import('./baseline-update.ts')).baselineUpdateCommand,
    summary: "accept the latest run's response shapes and findings as the baseline (baselines/)",
  },
  verify: { load: async () => (await import('./verify.ts')).verifyCommand, summary: 'verify the stored Pact contracts against each vendor (live or embedded sandbox)' },
  'contracts publish': { load: async () => (await import('./contracts-publish.ts')).contractsPublishCommand, summary: 'publish the stored Pact contracts to a Pact Broker' },
};

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const match = Object.keys(COMMANDS)
    .filter((words) => words.split(' ').every((word, i) => argv[i] === word))
    .sort((a, b) => b.length - a.length)[0];
  if (!match) {
    const unknown = argv.length > 0 && argv[0] !== '--help' && argv[0] !== 'help';
    (unknown ? io.stderr : io.stdout)(`${unknown ? `conform: unknown command "${argv.join(' ')}"\n\n` : ''}${help()}`);
    return unknown ? EXIT.cannotRun : EXIT.pass;
  }
  try {
    const command = await COMMANDS[match]!.load();
    return await command(argv.slice(match.split(' ').length), io);
  } catch (error) {
    // A user's mistake is one located line; anything else is our bug and keeps its stack.
    if (error instanceof UsageError) io.stderr(`${error.message}\n`);
    else if (error instanceof SpecLoadError) io.stderr(`conform: ${error.located}\n`);
    else if (error instanceof ConfigError) io.stderr(`conform ${match}: configuration error: ${error.message}\n`);
    else throw error;
    return EXIT.cannotRun;
  }
}

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([words, { summary }]) => `  conform ${words.padEnd(width)}  ${summary}`);
  return `usage:\n${lines.join('\n')}\n`;
}
