import { join } from 'node:path';
import { readTextIfPresent } from '../files/index.ts';
import { isVerdictProblem, readBaseline, readSeenLedger, writeSeenLedger, type CaseFinding, type JudgementPolicy } from '../judge/index.ts';
import { writeReportSet, type ReportedTarget, type RunSummary, type VendorReport } from '../report/index.ts';
import type { CaseResult } from '../results/index.ts';
import { ConfigError } from '../vendors/index.ts';
import { judgeRun, reportSetFiles } from './judge-run.ts';
import { isStoredResult } from './stored-result.ts';

export interface LaterFindings {
  /** Where the findings were made: they join the stored report only if it ran there too. */
  target: ReportedTarget;
  findings: readonly CaseFinding[];
}

/** A vendor whose later findings joined no report, and why. */
export interface SkippedVendor {
  vendor: string;
  reason: string;
}

export interface Rejudged {
  /** The new latest set; null when there was no stored run to judge again (nothing is written). */
  path: string | null;
  skipped: SkippedVendor[];
}

/**
 * The stored run (reports/latest) judged again with findings made after it, e.g. `contract-broken`
 * from `conform verify`: by the same judge as `conform run`, so they get baseline states, waivers and
 * severity like any finding, and verdicts, counts, summary.json's exit code and every format follow.
 * A vendor's findings of an earlier verification are replaced. Only the stored run's vendors are
 * judged: findings of a vendor it did not run, or ran elsewhere (live, not sandbox, or the other way
 * round), are skipped, never turned into a report of a run that did not happen.
 */
export async function rejudgeLatest(options: { policy: JudgementPolicy; reportsDir: string; later: readonly LaterFindings[]; secretForms: readonly string[] }): Promise<Rejudged> {
  const { policy } = options;
  const latest = join(options.reportsDir, 'latest');
  const summary = await readStored<RunSummary>(latest, 'summary.json');
  const results = (await readStored<CaseResult[]>(latest, 'results.json')) ?? [];
  if (!Array.isArray(results) || !results.every(isStoredResult)) throw new ConfigError(join(latest, 'results.json'), 'is not the case results of a conform run; run `conform run` to write the reports again');
  const stored = new Map<string, VendorReport>();
  for (const { vendor } of summary?.vendors ?? []) {
    const report = await readStored<VendorReport>(latest, `${vendor}.json`);
    if (report) stored.set(vendor, report);
  }
  const skipped = options.later.flatMap(({ target }) => {
    const report = stored.get(target.vendor);
    if (!report) return [{ vendor: target.vendor, reason: 'the stored run did not run it' }];
    if (report.mode !== target.mode) return [{ vendor: target.vendor, reason: `the stored run ran it ${where[report.mode]}, these findings were made ${where[target.mode]}` }];
    return [];
  });
  if (stored.size === 0) return { path: null, skipped };
  const startedAt = summary?.startedAt ?? new Date().toISOString();
  const judged = judgeRun(
    await Promise.all(
      [...stored].map(async ([vendor, report]) => {
        const later = options.later.find((l) => l.target.vendor === vendor && l.target.mode === report.mode);
        // A vendor not verified this time keeps the contract findings of its last verification, as facts to judge again.
        const kept = (id: string) => report.findings.filter((f) => f.id === id).map(({ severity, state, waiver, message, firstSeen, seenRuns, ...facts }) => facts);
        const earlier = later ? [] : kept('contract-broken');
        // The run's comparison with the vendor's published document stands whatever the verification found.
        const upstream = kept('spec-changed-upstream');
        return {
          target: { vendor, mode: report.mode, scenario: report.scenario, baseUrl: report.baseUrl },
          baseline: await readBaseline(policy.baselinesDir, vendor, report.mode),
          // The run already counted itself there, so its findings keep their states; a contract finding seen for the first time is recorded.
          seen: await readSeenLedger(options.reportsDir, vendor, report.mode),
          results: results.filter((r) => r.vendor === vendor),
          laterFindings: [...(later?.findings ?? earlier), ...upstream],
          specDefects: report.specDefects ?? [],
          coverage: report.coverage,
          specChangedUpstream: report.specChangedUpstream,
        };
      }),
    ),
    policy,
    // The stored verdicts' reasons are made again from this judgement; only the run's own problems carry over.
    { startedAt, problems: (summary?.problems ?? []).filter((problem) => !isVerdictProblem(problem, [...stored.keys()])) },
  );
  const path = await writeReportSet(options.reportsDir, await reportSetFiles(judged, results, options.reportsDir), options.secretForms);
  for (const ledger of judged.seenLedgers) await writeSeenLedger(options.reportsDir, ledger, options.secretForms);
  return { path, skipped };
}

const where: Record<ReportedTarget['mode'], string> = { live: 'live', sandbox: 'against its embedded sandbox' };

async function readStored<T>(dir: string, name: string): Promise<T | null> {
  const text = await readTextIfPresent(join(dir, name));
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ConfigError(join(dir, name), 'is not valid JSON; run `conform run` to write the reports again');
  }
}
