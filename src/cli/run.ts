import { relative } from 'node:path';
import { LiveStatus, readEnvironment } from '../run/index.ts';
import { renderAnnotations } from '../report/index.ts';
import { RunInterrupted, runConformance } from '../pipeline/index.ts';
import { SpecLoadError } from '../spec/index.ts';
import { ConfigError } from '../vendors/index.ts';
import { EXIT } from '../results/index.ts';
import type { Command } from './io.ts';
import { parseCommandArgs } from './usage-error.ts';

/** `conform run` (npm run conformance): every vendor's suites, reports under reports/latest/. */
export const runCommand: Command = async (args, io) => {
  parseCommandArgs('run', { args, options: {} });
  let outcome;
  // A terminal (not CI) gets a live done/total per vendor under the case lines; a log gets the lines alone.
  const live = io.columns && !io.env.CI ? new LiveStatus(io.stdout, io.columns) : null;
  const interrupt = new AbortController();
  const onInterrupt = () => interrupt.abort();
  process.once('SIGINT', onInterrupt);
  try {
    outcome = await runConformance({
      cwd: io.cwd,
      env: readEnvironment(io.cwd, io.env),
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
  io.stdout('\n');
  for (const report of outcome.reports) {
    const { breaking, warning, info } = report.counts;
    const o = report.outcomes;
    const fresh = report.findings.filter((f) => f.state === 'new').length;
    io.stdout(
      `${report.vendor.padEnd(7)} ${(report.verdict ?? '').padEnd(12)} ${o.passed} passed, ${o.failed} failed, ${o.skipped} skipped, ${o['transport-error']} unreachable; ` +
        `findings: ${breaking} breaking, ${warning} warning, ${info} info (${fresh} new)\n`,
    );
  }
  if (io.env.GITHUB_ACTIONS === 'true') io.stdout(renderAnnotations(outcome.reports));
  for (const problem of outcome.problems) io.stderr(`problem: ${problem}\n`);
  io.stdout(`reports: ${shownPath(io.cwd, outcome.reportsPath)}\n`);
  return outcome.exitCode;
};

/** Relative to the working directory when inside it, else absolute. */
function shownPath(cwd: string, path: string): string {
  const shown = relative(cwd, path);
  return shown.startsWith('..') ? path : shown;
}
