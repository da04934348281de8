import type { Finding } from '../findings/index.ts';
import type { Severity } from '../findings/index.ts';
import { severityOf, type SeverityOverrides } from '../findings/index.ts';
import { notChecked, notCheckedReason, unavailableAnswer, type CaseResult } from '../results/index.ts';
import { judgeAgainstBaseline, type Baseline } from './baseline/index.ts';
import { firstSeenOf, recordSightings, sightingOf, type SeenLedger } from './first-seen.ts';
import type { CaseFinding, JudgedCase, JudgedDefect, JudgedFinding, ResolvedFinding } from './types.ts';
import { verdictFor, type VendorVerdict } from './verdict.ts';
import { applyWaivers, describeWaiver, waiversFor, type Waiver } from './waivers/index.ts';

export interface JudgeInputs {
  baseline: Baseline | null;
  /** When runs of this vendor in this mode first saw each fingerprint; null when none was kept. */
  seen: SeenLedger | null;
  waivers: readonly Waiver[];
  inconclusiveThreshold: number;
  severity: SeverityOverrides;
  /** The run's start: baselines are stamped with it and waivers expire against it. */
  startedAt: string;
}

/** What one vendor did, as facts: its case results, findings made after the run (contract verification), its documents' defects. */
export interface VendorFacts {
  vendor: string;
  mode: 'sandbox' | 'live';
  results: readonly CaseResult[];
  /** Findings about cases made after the run, e.g. `contract-broken` from `conform verify`. */
  laterFindings?: readonly CaseFinding[];
  specDefects: readonly Finding[];
}

export interface Judgement {
  /** The vendor's case results in report order (by start, then name), each with its judged outcome. */
  results: JudgedCase[];
  /** Every finding: the cases', the shape changes the document does not catch, the later ones. */
  findings: JudgedFinding[];
  specDefects: JudgedDefect[];
  resolved: ResolvedFinding[];
  staleWaivers: string[];
  expiredWaivers: string[];
  verdict: VendorVerdict;
  /** A baseline made by this, the vendor's first run, to be written; null when one existed. */
  createdBaseline: Baseline | null;
  /** The ledger with this run counted and its fingerprints recorded, to be written once the run's reports are. */
  seen: SeenLedger;
}

/**
 * The one place severity is applied and verdicts are made: a vendor's findings compared with its
 * baseline (for the shape changes the document does not catch), each marked new (first seen in this
 * run) or known with since when and for how many runs (the ledger of first sightings), the severity policy
 * stamped on every finding whatever made it, waivers applied, each answered case passed or failed,
 * and the vendor's verdict. Pure: the caller reads and writes.
 */
export function judgeVendor(facts: VendorFacts, inputs: JudgeInputs): Judgement {
  const ordered = [...facts.results].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.case.localeCompare(b.case));
  const run = { vendor: facts.vendor, mode: facts.mode, startedAt: inputs.startedAt };
  const caseFindings = ordered.flatMap((result) => result.findings.map((finding) => ({ ...finding, case: result.case })));
  // A baseline made now records what the ledger knew; what it did not know is first seen now.
  const { comparison, created } = judgeAgainstBaseline(inputs.baseline, ordered, { ...run, updatedAt: inputs.startedAt, firstSeen: firstSeenOf(inputs.seen) });
  const all = [...caseFindings, ...comparison.shapeFindings, ...(facts.laterFindings ?? [])];
  const seen = recordSightings(inputs.seen, inputs.baseline, all.map((f) => f.fingerprint), run);
  const marked = all.map((finding): JudgedFinding => {
    const sighting = sightingOf(seen, finding.fingerprint)!;
    return { ...finding, severity: severityOf(finding, inputs.severity), state: sighting.isNew ? 'new' : 'known', firstSeen: sighting.firstSeen, seenRuns: sighting.seenRuns };
  });
  const waived = applyWaivers(marked, waiversFor(inputs.waivers, facts.vendor), new Date(inputs.startedAt));
  const failedCases = new Set(waived.findings.filter((f) => f.severity === 'breaking' && f.state !== 'waived').map((f) => f.case));
  return {
    results: ordered.map((result) => judgedCase(result, failedCases.has(result.case))),
    findings: waived.findings,
    specDefects: withSeverity(facts.specDefects, inputs.severity),
    resolved: comparison.resolved,
    staleWaivers: waived.stale.map(describeWaiver),
    expiredWaivers: waived.expired.map(describeWaiver),
    verdict: verdictFor(ordered, waived.findings, { inconclusiveThreshold: inputs.inconclusiveThreshold }),
    createdBaseline: created,
    seen,
  };
}

/**
 * An answered case's outcome: `unverified` when the vendor was unavailable (its findings count for
 * nothing), else `failed` on a breaking finding not waived (evidence even in a body not wholly checked),
 * else `unverified` when its body was not (wholly) checked, else `passed`. The reason says why it went unverified.
 */
function judgedCase(result: CaseResult, failed: boolean): JudgedCase {
  const { outcome } = result;
  if (outcome === 'skipped' || outcome === 'transport-error') return { ...result, outcome };
  const unavailable = unavailableAnswer(result);
  if (unavailable !== null) return { ...result, outcome: 'unverified', reason: `${unavailable} where the case expects ${result.expectedStatus}: the vendor was unavailable` };
  if (failed) return { ...result, outcome: 'failed' };
  const unchecked = notChecked(result);
  return unchecked === null ? { ...result, outcome: 'passed' } : { ...result, outcome: 'unverified', reason: notCheckedReason(unchecked) };
}

/** Findings judged on their own, outside a run (`conform check`, `specs lint`): the severity policy, no baseline, no waivers. */
export function withSeverity<F extends Finding>(findings: readonly F[], overrides: SeverityOverrides): Array<F & { severity: Severity }> {
  return findings.map((finding) => ({ ...finding, severity: severityOf(finding, overrides) }));
}
