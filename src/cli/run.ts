import { relative } from 'node:path';
import { LiveStatus, readEnvironment, unknownVariableWarnings } from '../run/index.ts';
import { mixedRunNote, renderAnnotations, renderVendorLines } from '../report/index.ts';
import { RunInterrupted, runConformance } from '../pipeline/index.ts';
import { SpecLoadError } from '../spec/index.ts';
import { ConfigError } from '../vendors/index.ts';
import { EXIT } from '../results/index.ts';
import type { Command } from './io.ts';
import type { CommandDeclaration } from './options.ts';
import { parseCommandArgs } from './usage-error.ts';

export const runDeclaration = {
  command: 'run',
  usage: '[--live]',
  options: {
    live: { type: 'boolean', description: 'fail (exit 2) if any selected vendor would run against its embedded sandbox (as CONFORM_REQUIRE_LIVE=1)' },
  },
} as const satisfies CommandDeclaration;

/** `conform run` (npm run conformance): every vendor's suites, reports under reports/latest/. */
export const runCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(runDeclaration, args);
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
  const reportsPath = shownPath(io.cwd, outcome.reportsPath);
  io.stdout(`\n${renderVendorLines(outcome.reports, reportsPath)}`);
  const mixed = mixedRunNote(outcome.reports);
  if (mixed) io.stdout(`${mixed}\n`);
  if (io.env.GITHUB_ACTIONS === 'true') io.stdout(renderAnnotations(outcome.reports, reportsPath));
  for (const warning of outcome.warnings) io.stderr(`warning: ${warning}\n`);
  for (const problem of outcome.problems) io.stderr(`problem: ${problem}\n`);
  io.stdout(`reports: ${reportsPath}\n`);
  return outcome.exitCode;
};

/** Relative to the working directory when inside it, else absolute. */
function shownPath(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  return shown.startsWith('..') ? path : shown;
}
