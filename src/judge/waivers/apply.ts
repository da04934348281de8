import type { JudgedFinding } from '../types.ts';
import type { Waiver } from './types.ts';

export interface WaiverOutcome {
  /** The findings, those an unexpired waiver matches marked `waived` with its reason and expiry. */
  findings: JudgedFinding[];
  /** Past their expiry: they no longer waive anything. */
  expired: Waiver[];
  /** Unexpired, yet matching none of the findings: the finding is gone or the waiver is wrong. */
  stale: Waiver[];
}

/** The waivers that name `vendor`: apply them to that vendor's findings, so stale ones land in its report. */
export function waiversFor(waivers: readonly Waiver[], vendor: string): Waiver[] {
  return waivers.filter((waiver) => waiver.vendor === vendor);
}

/** Waived findings stay in the list, marked: they stay visible, they only stop failing the run. */
export function applyWaivers(findings: readonly JudgedFinding[], waivers: readonly Waiver[], now: Date): WaiverOutcome {
  const today = now.toISOString().slice(0, 10);
  const active = waivers.filter((waiver) => waiver.expires >= today);
  return {
    findings: findings.map((finding) => {
      const waiver = active.find((candidate) => matches(candidate, finding));
      return waiver ? { ...finding, state: 'waived', waiver: { reason: waiver.reason, expires: waiver.expires } } : finding;
    }),
    expired: waivers.filter((waiver) => waiver.expires < today),
    stale: active.filter((waiver) => !findings.some((finding) => matches(waiver, finding))),
  };
}

/** One line for a report: which waiver, what it matches, until when, why. */
export function describeWaiver(waiver: Waiver): string {
  const what = 'fingerprint' in waiver ? `fingerprint ${waiver.fingerprint}` : `${waiver.id}${waiver.pointer === null ? '' : ` at ${waiver.pointer}`}`;
  return `waiver ${waiver.entry} (line ${waiver.line}): ${waiver.vendor} ${what}, expires ${waiver.expires}: ${waiver.reason}`;
}

function matches(waiver: Waiver, finding: JudgedFinding): boolean {
  if (waiver.vendor !== finding.vendor) return false;
  if ('fingerprint' in waiver) return waiver.fingerprint === finding.fingerprint;
  if (waiver.id !== finding.id) return false;
  return waiver.pointer === null || (finding.pointer !== null && pointerGlob(waiver.pointer).test(finding.pointer));
}

/** `*` is any text within one pointer segment (an index, a key), `**` any text across segments. */
function pointerGlob(pattern: string): RegExp {
  const segments = pattern.split('**').map((part) => part.split('*').map(escapeRegExp).join('[^/]*'));
  return new RegExp(`^${segments.join('.*')}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
