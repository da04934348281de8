import { relative } from 'node:path';
import { LiveStatus, parseShard, readEnvironment, unknownVariableWarnings } from '../run/index.ts';
import { mixedRunNote, renderAnnotations, renderVendorLines } from '../report/index.ts';
import { RunInterrupted, runConformance, type RunOutcome } from '../pipeline/index.ts';
import { SpecLoadError } from '../spec/index.ts';
import { ConfigError } from '../vendors/index.ts';
import { EXIT } from '../results/index.ts';
import type { CliIo, Command } from './io.ts';
import { helpHint, type CommandDeclaration } from './options.ts';
import { parseCommandArgs, UsageError } from './usage-error.ts';

export const runDeclaration = {
  command: 'run',
  usage: '[--live] [--shard I/N]',
  options: {
    live: { type: 'boolean', description: 'fail (exit 2) if any selected vendor would run against its embedded sandbox (as CONFORM_REQUIRE_LIVE=1)' },
    shard: { type: 'string', value: 'I/N', description: 'run the I-th of N slices of the vendors, writing reports/shard.json for conform merge instead of reports (docs/ci.md)' },
  },
} as const satisfies CommandDeclaration;

/** `conform run` (npm run conformance): every vendor's suites, reports under reports/latest/. */
export const runCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(runDeclaration, args);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (shard === null) throw new UsageError(`conform run: --shard takes I/N, whole numbers with 1 <= I <= N (got "${values.shard}"); ${helpHint('run')}`);
  let outcome;
  // A terminal (not CI) gets a live done/total per vendor under the case lines; a log gets the lines alone.
  const live = io.columns && !io.env.CI ? new LiveStatus(io.stdout, io.columns) : null;
  const interrupt = new AbortController();
  const onInterrupt = () => interrupt.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const env = readEnvironment(io.cwd, values.live ? { ...io.env, CONFORM_REQUIRE_LIVE: '1' } : io.env);
    for (const warning of unknownVariableWarnings(env, io.cwd)) io.stderr(`warning: ${warning}\n`);
    outcome = await runConformance({
      cwd: io.cwd,
      env,
      print: live ? (line) => live.line(line) : (line) => io.stdout(`${line}\n`),
      ...(live ? { progress: (counts) => live.update(counts) } : {}),
      signal: interrupt.signal,
      ...(shard ? { shard } : {}),
    });
  } catch (error) {
    live?.end();
    if (error instanceof RunInterrupted) {
      io.stdout(`\n${error.message}; ${shownPath(io.cwd, error.latestPath)}/ left as it was\n`);
      return EXIT.interrupted;
    }
    if (error instanceof ConfigError) io.stderr(`conform run: configuration error: ${error.message}\n`);
    else if (error instanceof SpecLoadError) io.stderr(`conform run: ${error.located}\n`);
    else throw error;
    return EXIT.cannotRun;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  live?.end();
  if (outcome.shard) return printShard(outcome, outcome.shard, io);
  return printOutcome(outcome, io);
};

/** What a run (or a merge of its shards) says at its end: each vendor's verdict, why, and where the reports are. */
export function printOutcome(outcome: RunOutcome, io: CliIo): number {
  const reportsPath = shownPath(io.cwd, outcome.reportsPath);
  io.stdout(`\n${renderVendorLines(outcome.reports, reportsPath)}`);
  const mixed = mixedRunNote(outcome.reports);
  if (mixed) io.stdout(`${mixed}\n`);
  if (io.env.GITHUB_ACTIONS === 'true') io.stdout(renderAnnotations(outcome.reports, reportsPath));
  for (const warning of outcome.warnings) io.stderr(`warning: ${warning}\n`);
  for (const problem of outcome.problems) io.stderr(`problem: ${problem}\n`);
  io.stdout(`reports: ${reportsPath}\n`);
  return outcome.exitCode;
}

function printShard(outcome: RunOutcome, shard: NonNullable<RunOutcome['shard']>, io: CliIo): number {
  for (const warning of outcome.warnings) io.stderr(`warning: ${warning}\n`);
  for (const problem of outcome.problems) io.stderr(`problem: ${problem}\n`);
  const ran = shard.vendors.length === 0 ? 'no vendor (more shards than vendors)' : `${shard.vendors.join(', ')}: ${outcome.results.length} cases`;
  io.stdout(`\nshard ${shard.index}/${shard.count}: ${ran}, not judged; conform merge judges every shard's ${shownPath(io.cwd, outcome.reportsPath)}\n`);
  return outcome.exitCode;
}

/** Relative to the working directory when inside it, else absolute. */
function shownPath(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  return shown.startsWith('..') ? path : shown;
}
