import type { SpecChange, SpecDiff } from '../../spec/index.ts';

/** The changes of one operation ("GET /path"), or the component-level ones (operation null). */
export interface SpecChangeGroup {
  operation: string | null;
  changes: SpecChange[];
}

/** What a diff report names besides the changes: the two files and the vendor, when known. */
export interface SpecDiffContext {
  base: string;
  revision: string;
  vendor: string | null;
}

/**
 * Changes grouped by operation, operations in the order the diff lists them (the engine's order is
 * deterministic), component-level changes last: a reader looks up an endpoint, then its details.
 */
export function groupByOperation(changes: readonly SpecChange[]): SpecChangeGroup[] {
  const groups = new Map<string | null, SpecChange[]>();
  for (const change of changes) {
    const group = groups.get(change.operation);
    if (group) group.push(change);
    else groups.set(change.operation, [change]);
  }
  const components = groups.get(null);
  groups.delete(null);
  const ordered = [...groups].map(([operation, list]) => ({ operation, changes: list }));
  return components ? [...ordered, { operation: null, changes: components }] : ordered;
}

/** "3 changes: 1 breaking, 1 warning, 1 info". */
export function changeCounts(diff: SpecDiff): string {
  const count = (severity: SpecChange['severity']) => diff.changes.filter((change) => change.severity === severity).length;
  const total = diff.changes.length;
  return `${total} change${total === 1 ? '' : 's'}: ${count('breaking')} breaking, ${count('warning')} warning, ${count('info')} info`;
}
