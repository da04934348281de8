import { CHANGE_KINDS, severityOf, type ChangeId } from './registry.ts';
import type { SpecChange } from './types.ts';

/** Where a change sits; the grade comes from the registry. */
export interface ChangeFacts {
  operation: string | null;
  status: string | null;
  where: string | null;
  value?: string;
  /** Tells apart values whose text is the same (the number 3 and the string "3"): their JSON text. */
  valueJson?: string;
  /** Graded as oasdiff grades it, without conform's regrade: the regrade's reason does not hold here. */
  oasdiffGrade?: boolean;
}

export function makeChange(id: ChangeId, facts: ChangeFacts): SpecChange {
  const kind = CHANGE_KINDS[id];
  const asOasdiff = facts.oasdiffGrade === true;
  const change: SpecChange = {
    id,
    level: kind.level,
    severity: asOasdiff ? severityOf(kind.level) : kind.severity,
    reason: asOasdiff ? null : kind.reason,
    operation: facts.operation,
    status: facts.status,
    where: facts.where,
  };
  if (facts.value !== undefined) change.value = facts.value;
  return change;
}

/** Changes kept per diff at most: a shared schema reported at every place it is used can repeat without end. */
export const MAX_CHANGES = 10_000;

/**
 * Collects changes; the same fact reached twice (one schema under two media types) is kept once. Past
 * MAX_CHANGES, one document-level `spec-diff-incomplete` says the list was cut and `full` stops the diff.
 */
export class ChangeList {
  readonly #changes = new Map<string, SpecChange>();
  #full = false;

  get full(): boolean {
    return this.#full;
  }

  add(id: ChangeId, facts: ChangeFacts): void {
    if (this.#full) return;
    const change = makeChange(id, facts);
    const key = JSON.stringify([change.operation, change.status, change.where, change.id, facts.valueJson ?? change.value]);
    if (this.#changes.has(key)) return;
    if (this.#changes.size === MAX_CHANGES) {
      this.#full = true;
      this.#changes.set('', makeChange('spec-diff-incomplete', { operation: null, status: null, where: null, value: `more than ${MAX_CHANGES} changes` }));
      return;
    }
    this.#changes.set(key, change);
  }

  /** By operation (document-level changes last), status, where, id, value: plain code-unit order, no locale. */
  sorted(): SpecChange[] {
    return [...this.#changes.values()].sort(compareChanges);
  }
}

function compareChanges(a: SpecChange, b: SpecChange): number {
  return (
    compareNullable(a.operation, b.operation) ||
    compareNullable(a.status, b.status) ||
    compareNullable(a.where, b.where) ||
    compareText(a.id, b.id) ||
    compareNullable(a.value ?? null, b.value ?? null)
  );
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareText(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
