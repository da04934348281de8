import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { REPORT_FORMATS, renderReportFiles, type MissingFixture, type OperationCoverage, type ReportFormat, type RunSummary, type VendorReport } from '../report/index.ts';
import { NO_SECRETS, writeFileAtomically } from '../files/index.ts';
import { readEnvironment } from '../run/index.ts';
import { optional } from '../vendors/index.ts';
import { EXIT } from '../results/index.ts';
import type { Command } from './io.ts';
import type { CommandDeclaration } from './options.ts';
import { parseCommandArgs, UsageError } from './usage-error.ts';

const FORMAT_CHOICES: readonly string[] = [...REPORT_FORMATS, 'all'];

export const reportDeclaration = {
  command: 'report',
  usage: '[--format FORMAT] [--dir DIR]',
  options: {
    format: { type: 'string', default: 'all', value: 'FORMAT', description: `which files to render: ${FORMAT_CHOICES.join(', ')}` },
    dir: { type: 'string', value: 'DIR', description: 'the reports folder whose latest/ is rendered (default: CONFORM_REPORTS_DIR, else reports)' },
  },
} as const satisfies CommandDeclaration;

/** `conform report`: re-renders reports/latest/ (markdown, HTML, JUnit, job summary) from its stored JSON. */
export const reportCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(reportDeclaration, args);
  if (!FORMAT_CHOICES.includes(values.format)) {
    throw new UsageError(`conform report: --format must be one of ${FORMAT_CHOICES.join(', ')}, got "${values.format}"`);
  }
  const formats = values.format === 'all' ? REPORT_FORMATS : [values.format as ReportFormat];
  const reportsDir = values.dir ?? optional(readEnvironment(io.cwd, io.env), 'CONFORM_REPORTS_DIR') ?? 'reports';
  const latest = resolve(io.cwd, reportsDir, 'latest');
  const shown = relative(io.cwd, latest).startsWith('..') ? latest : relative(io.cwd, latest);

  const { summary, reports } = await readStoredRun(latest, shown);
  const files = renderReportFiles(reports, summary, [], formats);
  // The JSON read back was redacted when `conform run` wrote it, and rendering adds no secret.
  for (const [name, text] of Object.entries(files)) await writeFileAtomically(join(latest, name), text, NO_SECRETS);
  io.stdout(`rendered ${Object.keys(files).join(', ')} in ${shown}\n`);
  return EXIT.pass;
};

/** The run stored in latest/: summary.json and every vendor report it names. Anything missing is one line, exit 2. */
async function readStoredRun(latest: string, shown: string): Promise<{ summary: RunSummary; reports: VendorReport[] }> {
  const summary = await readJson<RunSummary>(latest, shown, 'summary.json');
  if (!Array.isArray(summary.vendors)) throw new UsageError(`conform report: ${shown}/summary.json is not a conform run summary`);
  const reports: VendorReport[] = [];
  for (const { report: name } of summary.vendors) {
    const report = await readJson<VendorReport>(latest, shown, name);
    if (!Array.isArray(report.interactions) || !Array.isArray(report.findings) || !isStoredCoverage(report.coverage)) throw new UsageError(`conform report: ${shown}/${name} is not a conform vendor report`);
    reports.push(report);
  }
  return { summary, reports };
}

/** A vendor report's coverage as a run writes it (absent for a vendor file with cases): what the formats read of it. */
function isStoredCoverage(coverage: unknown): boolean {
  if (coverage === undefined) return true;
  return (
    Array.isArray(coverage) &&
    coverage.every(
      (entry: Partial<OperationCoverage> | null) =>
        typeof entry?.operation === 'string' &&
        typeof entry.state === 'string' &&
        Array.isArray(entry.cases) &&
        Array.isArray(entry.missingFixtures) &&
        entry.missingFixtures.every((missing: Partial<MissingFixture> | null) => typeof missing?.fixture === 'string'),
    )
  );
}

async function readJson<T>(dir: string, shown: string, name: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(join(dir, name), 'utf8');
  } catch {
    throw new UsageError(`conform report: no stored run to render: ${shown}/${name} cannot be read (run \`conform run\` first)`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UsageError(`conform report: ${shown}/${name} is not valid JSON`);
  }
}
