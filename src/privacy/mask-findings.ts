import { excerpt, type Finding } from '../findings/finding.ts';
import type { FindingId } from '../findings/registry.ts';
import { getAtPointer, parsePointer, escapeSegment } from '../json/pointer.ts';
import { jsonType } from '../schema/violations.ts';

type Render = (masked: unknown, finding: Finding, original: unknown) => string;

/**
 * The findings that quote the body value at their pointer, and how the checks render it. Evidence is
 * rebuilt from the masked value at the same place (never by searching the text for the value): a
 * finding quotes a value only where the body may show it.
 */
const QUOTES_VALUE: Partial<Record<FindingId, Render>> = {
  'response-property-undocumented': (masked, finding) => `${escapeSegment(parsePointer(finding.pointer!).at(-1) ?? '')}: ${excerpt(masked)}`,
  'response-body-duplicate-key': (masked) => `kept ${excerpt(masked)}`,
  // A failed oneOf names only the type it got: that quotes nothing.
  'response-property-type-mismatch': (masked, finding, original) => (finding.observed === jsonType(original) ? finding.observed : typed(masked)),
  'response-property-enum-mismatch': (masked) => excerpt(masked),
  'response-property-format-mismatch': (masked) => excerpt(masked),
  'response-body-schema-mismatch': (masked) => excerpt(masked),
};

// What parseJson says without quoting the body.
const QUOTELESS_PROBLEMS = new Set(['empty body', 'invalid UTF-8']);
const UNPARSED = 'not valid JSON (its text is not shown: it may hold personal data)';

/** The findings of one response with their evidence masked where the body is; `original` and `masked` are the parsed and masked bodies. */
export function maskFindings(findings: readonly Finding[], original: unknown, masked: unknown): Finding[] {
  return findings.map((finding) => {
    const render = finding.pointer === null ? undefined : QUOTES_VALUE[finding.id];
    if (render) {
      if (original === undefined) return withObserved(finding, '(not shown)');
      const was = getAtPointer(original, finding.pointer!);
      const now = getAtPointer(masked, finding.pointer!);
      if (was === undefined || same(was, now)) return finding;
      return withObserved(finding, render(now, finding, was));
    }
    if (finding.id === 'response-body-not-json' && finding.observed !== null && !QUOTELESS_PROBLEMS.has(finding.observed)) return withObserved(finding, UNPARSED);
    return finding;
  });
}

function same(was: unknown, now: unknown): boolean {
  return was === now || (typeof was === 'object' && was !== null && excerpt(was) === excerpt(now));
}

function withObserved(finding: Finding, observed: string): Finding {
  return { ...finding, observed };
}

function typed(value: unknown): string {
  return value === null ? 'null' : `${jsonType(value)} ${excerpt(value)}`;
}
