import { relative } from 'node:path';
import { readEnvironment } from '../run/index.ts';
import { renderAnnotations } from '../report/index.ts';
import { runConformance } from '../pipeline/index.ts';
import { SpecLoadError } from '../spec/index.ts';
import { ConfigError } from '../vendors/index.ts';
import { EXIT } from '../results/index.ts';
import type { Command } from './io.ts';
import { parseCommandArgs } from './usage-error.ts';

/** `conform run` (npm run conformance): every vendor's suites, reports under reports/latest/. */
export const runCommand: Command = async (args, io) => {
  parseCommandArgs('run', { args, options: {} });
  let outcome;
  try {
    outcome = await runConformance({ cwd: io.cwd, env: readEnvironment(io.cwd, io.env), print: (line) => io.stdout(`${line}\n`) });
  } catch (error) {
    if (error instanceof ConfigError) io.stderr(`conform run: configuration error: ${error.message}\n`);
    else if (error instanceof SpecLoadError) io.stderr(`conform run: ${error.located}\n`);
    else throw error;
    return EXIT.cannotRun;
  }
  io.stdout('\n');
  for (const report of outcome.reports) {
    const { breaking, warning, info } = report.counts;
    const o = report.outcomes;
    const fresh = report.findings.filter((f) => f.state === 'new').length;
    io.stdout(
      `${report.vendor.padEnd(7)} ${(report.verdict ?? '').padEnd(12)} ${o.passed} passed, ${o.failed} failed, ${o.unverified} unverified, ${o.skipped} skipped, ${o['transport-error']} transport errors; ` +
        `findings: ${breaking} breaking, ${warning} warning, ${info} info (${fresh} new)\n`,
    );
  }
  if (io.env.GITHUB_ACTIONS === 'true') io.stdout(renderAnnotations(outcome.reports));
  for (const problem of outcome.problems) io.stderr(`problem: ${problem}\n`);
  const shown = relative(io.cwd, outcome.reportsPath);
  io.stdout(`reports: ${shown.startsWith('..') ? outcome.reportsPath : shown}\n`);
  return outcome.exitCode;
};
