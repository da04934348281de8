import { mergeShards } from '../pipeline/index.ts';
import { readEnvironment } from '../run/index.ts';
import type { Command } from './io.ts';
import { usageLine, type CommandDeclaration } from './options.ts';
import { printOutcome } from './run.ts';
import { parseCommandArgs, UsageError } from './usage-error.ts';

export const mergeDeclaration = {
  command: 'merge',
  usage: 'SHARD_DIR... [--out DIR]',
  positionals: true,
  options: {
    out: { type: 'string', value: 'DIR', description: 'the reports folder to write DIR/latest/ in (default CONFORM_REPORTS_DIR or reports)' },
  },
} as const satisfies CommandDeclaration;

/** `conform merge`: the shards of a `conform run --shard I/N` (each one's reports folder) judged and reported as one run. */
export const mergeCommand: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(mergeDeclaration, args);
  if (positionals.length === 0) throw new UsageError(usageLine(mergeDeclaration));
  const outcome = await mergeShards({ cwd: io.cwd, env: readEnvironment(io.cwd, io.env), shardDirs: positionals, ...(values.out ? { outDir: values.out } : {}) });
  return printOutcome(outcome, io);
};
