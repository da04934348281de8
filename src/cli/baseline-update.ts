import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { buildBaseline, baselinesDirFrom, firstSeenOf, hasVerifiedAnswers, readBaseline, readSeenLedger, writeBaseline } from '../judge/index.ts';
import { NO_SECRETS } from '../files/index.ts';
import { readEnvironment } from '../run/index.ts';
import { type CaseResult, EXIT } from '../results/index.ts';
import { ConfigError, optional } from '../vendors/index.ts';
import type { CliIo, Command } from './io.ts';
import type { CommandDeclaration } from './options.ts';
import { parseCommandArgs } from './usage-error.ts';

export const baselineUpdateDeclaration = {
  command: 'baseline update',
  usage: '[--vendor V]',
  options: { vendor: { type: 'string', value: 'V', description: 'accept only this vendor\'s shapes and findings (default: every vendor of the run)' } },
} as const satisfies CommandDeclaration;

/**
 * `conform baseline update [--vendor V]`: accepts what the latest run saw. Each vendor's baseline takes
 * in that run's response shapes (statuses, media types, properties, nullability, codes) and its
 * findings become the known ones, each with when a run first saw it (the reports folder's ledger).
 * Reads reports/latest/results.json, the run's stored case results.
 */
export const baselineUpdateCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(baselineUpdateDeclaration, args);
  const env = readEnvironment(io.cwd, io.env);
  // The same default as `conform run` (CONFORM_REPORTS_DIR).
  const reportsDir = resolve(io.cwd, optional(env, 'CONFORM_REPORTS_DIR') ?? 'reports');
  const resultsFile = join(reportsDir, 'latest', 'results.json');
  const results = await readResults(resultsFile, io);
  if (!results) return EXIT.cannotRun;
  // In the order the run reported them: the results are what is accepted, whatever vendor files exist now.
  const ran = [...new Set(results.map((r) => r.vendor))];
  if (values.vendor !== undefined && !(ran as string[]).includes(values.vendor)) {
    io.stderr(`conform baseline update: the latest run has no results for vendor "${values.vendor}" (it ran: ${ran.join(', ') || 'none'})\n`);
    return EXIT.cannotRun;
  }
  const updatedAt = new Date().toISOString();
  try {
    const dir = baselinesDirFrom(env, io.cwd);
    for (const vendor of values.vendor === undefined ? ran : [values.vendor]) {
      const { mode } = results.find((r) => r.vendor === vendor)!;
      if (!hasVerifiedAnswers(results, vendor)) {
        io.stderr(`warning: ${vendor}: no case answered verifiably in the latest run (transport errors, 408, 429, 5xx or cut bodies); its baseline is left as it is\n`);
        continue;
      }
      const previous = await readBaseline(dir, vendor, mode);
      const firstSeen = firstSeenOf(await readSeenLedger(reportsDir, vendor, mode));
      const baseline = buildBaseline(results, { vendor, mode, updatedAt, previous, firstSeen });
      // Built from results.json, which was redacted when `conform run` wrote it.
      const file = await writeBaseline(dir, baseline, NO_SECRETS);
      io.stdout(`${shown(io.cwd, file)}: ${previous ? 'updated' : 'created'}; ${baseline.findings.length} finding(s) now known\n`);
      // Accepting a run where a case did not answer: what only that case showed is no longer `always` there.
      const silent = results.filter((r) => r.vendor === vendor && r.response === null && previous?.operations[r.operation]?.cases[r.case]);
      if (silent.length > 0) {
        io.stderr(`warning: ${vendor}: ${silent.map((r) => `"${r.case}"`).join(', ')} answered before but not in this run (${silent.map((r) => r.outcome).join(', ')}); what only they showed is no longer seen in every run\n`);
      }
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`conform baseline update: ${error.message}\n`);
    return EXIT.cannotRun;
  }
  return EXIT.pass;
};

async function readResults(file: string, io: CliIo): Promise<CaseResult[] | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    io.stderr(`conform baseline update: no stored run at ${shown(io.cwd, file)}; run \`conform run\` first\n`);
    return null;
  }
  try {
    const results: unknown = JSON.parse(text);
    if (Array.isArray(results)) return results as CaseResult[];
  } catch {
    // Reported below, with the file.
  }
  io.stderr(`conform baseline update: ${shown(io.cwd, file)} is not a list of case results; run \`conform run\` again\n`);
  return null;
}

function shown(cwd: string, file: string): string {
  const path = relative(cwd, file);
  return path.startsWith('..') ? file : path;
}
