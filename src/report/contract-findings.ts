import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeFinding, type SeverityOverrides } from '../findings/finding.ts';
import { countBySeverity } from './findings-text.ts';
import type { ReportedFinding, RunSummary, VendorReport } from './types.ts';
import { buildVendorReport } from './vendor-report.ts';
import { jsonFile, writeReportSet } from './writer.ts';
import type { VendorTarget } from '../vendors/index.ts';
import type { ContractVerification } from '../contracts/index.ts';

/** One `contract-broken` finding per mismatch: it names the interaction (expected) and the mismatch (observed). */
export function contractFindings(verification: ContractVerification, severity: SeverityOverrides): ReportedFinding[] {
  return verification.interactions
    .filter((interaction) => interaction.outcome === 'broken')
    .flatMap((interaction) =>
      interaction.mismatches.map((mismatch) => ({
        ...makeFinding(
          {
            id: 'contract-broken',
            vendor: verification.vendor,
            operation: interaction.operation,
            status: interaction.status,
            pointer: mismatch.pointer,
            expected: interaction.description,
            observed: mismatch.text,
          },
          severity,
        ),
        case: interaction.case,
      })),
    );
}

/**
 * Puts each verified vendor's contract findings into reports/latest/VENDOR.json (replacing those
 * of an earlier verification, recounting severities, and updating summary.json's counts), or into
 * a new report when the vendor has none. The whole latest set is rewritten through the one writer.
 */
export async function addContractFindings(
  reportsDir: string,
  updates: ReadonlyArray<{ target: VendorTarget; findings: ReportedFinding[] }>,
  secretForms: readonly string[],
): Promise<string> {
  const files = await readLatest(join(reportsDir, 'latest'));
  const summary = files['summary.json'] ? (JSON.parse(files['summary.json']) as RunSummary) : null;
  for (const { target, findings } of updates) {
    const name = `${target.vendor}.json`;
    const previous = files[name] ? (JSON.parse(files[name]) as VendorReport) : buildVendorReport(target, [], [], new Date().toISOString());
    const all = [...previous.findings.filter((finding) => finding.id !== 'contract-broken'), ...findings];
    const report: VendorReport = { ...previous, findings: all, counts: countBySeverity(all) };
    files[name] = jsonFile(report);
    const listed = Array.isArray(summary?.vendors) ? summary.vendors.find((vendor) => vendor.vendor === target.vendor) : undefined;
    if (listed) listed.counts = report.counts;
  }
  if (summary) files['summary.json'] = jsonFile(summary);
  return writeReportSet(reportsDir, files, secretForms);
}

async function readLatest(latest: string): Promise<Record<string, string>> {
  const entries = await readdir(latest, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const files: Record<string, string> = {};
  for (const entry of entries) if (entry.isFile()) files[entry.name] = await readFile(join(latest, entry.name), 'utf8');
  return files;
}
