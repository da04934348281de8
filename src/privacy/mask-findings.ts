import { excerpt, fingerprint, type Finding } from '../findings/index.ts';
import type { FindingId } from '../findings/index.ts';
import { getAtPointer, parsePointer, escapeSegment } from '../json/index.ts';
import { jsonType } from '../schema/index.ts';
import type { MaskedJson } from './mask-body.ts';
import { maskedPointer, NOTHING_RENAMED, type PointerNames } from './mask-keys.ts';

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

/** Findings whose pointer names a place the body may lack, by a name the document gives (see maskedPointer). */
const POINTER_NAMES: Partial<Record<FindingId, PointerNames>> = {
  'response-property-missing': 'last',
  // A presence rule's figure: its pointer was checked against the document when the vendor file loaded.
  'balance-invariant-violated': 'rule',
};

// What parseJson says without quoting the body.
const QUOTELESS_PROBLEMS = new Set(['empty body', 'invalid UTF-8']);
const UNPARSED = 'not valid JSON (its text is not shown: it may hold personal data)';

/**
 * The findings of one response with their pointers and evidence masked where the body is: a key the
 * body masks is masked in the pointer too (and so in the fingerprint, the message and every baseline
 * entry or report row made from them). `original` is the parsed body, `masked` what masking made of it.
 */
export function maskFindings(findings: readonly Finding[], original: unknown, masked: MaskedJson | undefined): Finding[] {
  return findings.map((sent) => {
    const finding = sent.pointer === null ? sent : withPointer(sent, maskedPointer(sent.pointer, original, masked?.renamedKeys ?? NOTHING_RENAMED, POINTER_NAMES[sent.id] ?? 'body'));
    const render = finding.pointer === null ? undefined : QUOTES_VALUE[finding.id];
    if (render) {
      if (original === undefined) return withObserved(finding, '(not shown)');
      const was = getAtPointer(original, sent.pointer!);
      const now = getAtPointer(masked!.value, finding.pointer!);
      // A renamed key is quoted by undocumented-property evidence, whatever its value.
      if (was === undefined || (same(was, now) && finding === sent)) return finding;
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

/** The finding at the masked pointer: the fingerprint follows it, so it stays stable run to run (placeholders are derived from the key). */
function withPointer(finding: Finding, pointer: string): Finding {
  if (pointer === finding.pointer) return finding;
  return { ...finding, pointer, fingerprint: fingerprint({ ...finding, pointer, location: finding.location ?? null }) };
}

function typed(value: unknown): string {
  return value === null ? 'null' : `${jsonType(value)} ${excerpt(value)}`;
}
