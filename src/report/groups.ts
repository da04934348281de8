import { normaliseIndices } from '../findings/index.ts';
import type { ReportedFinding } from './types.ts';

/** One place a root cause showed: the case, the concrete pointer, what was observed there. */
export interface Occurrence {
  case: string;
  pointer: string | null;
  observed: string | null;
}

/**
 * Findings with one root cause: the same kind, operation, status and pointer pattern (array indices as
 * `*`, so one fingerprint), the same expectation and the same kind of observed value, judged alike. One
 * vendor change (amounts sent as strings) is one group, not a row per case and array item.
 */
export interface FindingGroup {
  /** The finding every occurrence shares these facts with: the first in report order. */
  finding: ReportedFinding;
  /** The pointer with array indices as `*`; null when the finding is not about the body. */
  pointerPattern: string | null;
  /** What kind of value was observed ("string", "number", "text"...), the part of `observed` the group shares. */
  observedKind: string | null;
  /** Every finding of the group, in report order. */
  occurrences: Occurrence[];
  /** The distinct cases, in order of first appearance. */
  cases: string[];
}

/** The report's findings as root-cause groups, in the order their first findings come in `findings`. */
export function groupFindings(findings: readonly ReportedFinding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const observedKind = kindOf(finding.observed);
    const key = [finding.fingerprint, finding.expected ?? '', observedKind ?? '', finding.severity, finding.state ?? ''].join('\u0000');
    let group = groups.get(key);
    if (!group) {
      group = { finding, pointerPattern: finding.pointer === null ? null : normaliseIndices(finding.pointer), observedKind, occurrences: [], cases: [] };
      groups.set(key, group);
    }
    group.occurrences.push({ case: finding.case, pointer: finding.pointer, observed: finding.observed });
    if (!group.cases.includes(finding.case)) group.cases.push(finding.case);
  }
  return [...groups.values()];
}

const TYPE_WORDS = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];

/**
 * The kind of an observed value as checks write it: a leading JSON type word (`string "12.50"`), else
 * the type of a JSON literal (`"frozen"`, `12`), else `text` (a media type, a header value). Values of
 * one kind at one pointer are one root cause; a string and a number there are two.
 */
export function kindOf(observed: string | null): string | null {
  if (observed === null) return null;
  const word = /^[a-z]+/.exec(observed)?.[0];
  if (word !== undefined && TYPE_WORDS.includes(word)) return word;
  if (observed.startsWith('"')) return 'string';
  if (observed === 'true' || observed === 'false') return 'boolean';
  if (observed.startsWith('{')) return 'object';
  if (observed.startsWith('[')) return 'array';
  return /^-?\d/.test(observed) ? 'number' : 'text';
}
