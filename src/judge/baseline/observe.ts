import type { AmountEncoding } from '../../checks/index.ts';
import { joinPointer } from '../../json/index.ts';
import type { CaseResult } from '../../results/index.ts';
import { essence } from '../../spec/index.ts';
import type { JsonType } from './types.ts';
import { isVerifiedAnswer } from './verified.ts';

/** What a body showed at one pointer; every item of an array is merged under a `*` segment. */
export interface Sighting {
  types: Set<JsonType>;
  null: boolean;
  strings: Set<string>;
}

/** One case's answer in a run, as the baseline sees it. */
export interface CaseAnswer {
  operation: string;
  case: string;
  status: number;
  mediaType: string;
  /** By pointer, the root as ""; null when the body is not JSON (HTML, empty). */
  body: Map<string, Sighting> | null;
  /** How the amounts a money rule reached were written (none when no rule reached one). */
  amounts: readonly AmountEncoding[];
}

const NO_MEDIA_TYPE = '(none)';

/**
 * The verified answers of one vendor's cases (see isVerifiedAnswer): skipped and unreachable cases,
 * cut bodies and transport-class statuses show nothing, neither to a baseline nor against one.
 */
export function answersOf(results: readonly CaseResult[], vendor: string): CaseAnswer[] {
  return results.flatMap((result) => {
    if (result.vendor !== vendor || !isVerifiedAnswer(result)) return [];
    const { response } = result;
    const header = response.headers['content-type'];
    return [{
      operation: result.operation,
      case: result.case,
      status: response.status,
      mediaType: header ? essence(header) : NO_MEDIA_TYPE,
      body: result.derived?.json ? observeJson(result.derived.json.value) : null,
      amounts: result.derived?.amounts ?? [],
    }];
  });
}

export type JsonAnswer = CaseAnswer & { body: Map<string, Sighting> };

/** JSON answers grouped by operation, then status: the unit a response shape describes. */
export function jsonAnswersByResponse(answers: readonly CaseAnswer[]): Map<string, Map<number, JsonAnswer[]>> {
  const groups = new Map<string, Map<number, JsonAnswer[]>>();
  for (const answer of answers) {
    if (!isJson(answer)) continue;
    let byStatus = groups.get(answer.operation);
    if (!byStatus) groups.set(answer.operation, (byStatus = new Map()));
    byStatus.set(answer.status, [...(byStatus.get(answer.status) ?? []), answer]);
  }
  return groups;
}

function isJson(answer: CaseAnswer): answer is JsonAnswer {
  return answer.body !== null;
}

/** What any of the bodies showed at each pointer. */
export function unionOf(answers: readonly JsonAnswer[]): Map<string, Sighting> {
  const union = new Map<string, Sighting>();
  for (const answer of answers) {
    for (const [pointer, sighting] of answer.body) {
      const merged = sightingAt(union, pointer);
      for (const type of sighting.types) merged.types.add(type);
      merged.null ||= sighting.null;
      for (const value of sighting.strings) merged.strings.add(value);
    }
  }
  return union;
}

/** The body as the checks parsed (and masking left) it: a response is parsed once per run. */
function observeJson(value: unknown): Map<string, Sighting> {
  const seen = new Map<string, Sighting>();
  walk(value, '', seen);
  return seen;
}

// A shape is what a client reads; nothing sensible nests deeper, and a hostile body (200,000 levels)
// must cost neither the stack nor a pointer per level.
const MAX_SHAPE_DEPTH = 32;

function walk(root: unknown, rootPointer: string, seen: Map<string, Sighting>): void {
  const pending: Array<{ value: unknown; pointer: string; depth: number }> = [{ value: root, pointer: rootPointer, depth: 0 }];
  while (pending.length > 0) {
    const { value, pointer, depth } = pending.pop()!;
    const sighting = sightingAt(seen, pointer);
    if (value === null) sighting.null = true;
    else if (Array.isArray(value)) {
      sighting.types.add('array');
      if (depth < MAX_SHAPE_DEPTH) for (const item of value) pending.push({ value: item, pointer: `${pointer}/*`, depth: depth + 1 });
    } else if (typeof value === 'object') {
      sighting.types.add('object');
      if (depth < MAX_SHAPE_DEPTH) for (const [key, child] of Object.entries(value)) pending.push({ value: child, pointer: joinPointer(pointer, key), depth: depth + 1 });
    } else {
      sighting.types.add(typeof value as 'string' | 'number' | 'boolean');
      if (typeof value === 'string') sighting.strings.add(value);
    }
  }
}

function sightingAt(map: Map<string, Sighting>, pointer: string): Sighting {
  let sighting = map.get(pointer);
  if (!sighting) map.set(pointer, (sighting = { types: new Set(), null: false, strings: new Set() }));
  return sighting;
}
