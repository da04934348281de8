/**
 * How deep a parsed body is carried on a case result. Deeper containers are carried empty: a case
 * result crosses from a suite worker by structured clone and is stored with JSON.stringify, and both
 * recurse (a hostile body nested 100,000 levels overflows them). No reader looks this deep: baselines
 * stop at 32 levels, contracts at 64.
 */
export const CARRIED_DEPTH = 64;

/**
 * The value itself when it nests no deeper than CARRIED_DEPTH, else a copy with deeper containers
 * empty. Iterative. `deeper` is for a caller that already walked the value and knows.
 */
export function carriedJson(value: unknown, deeper = nestsDeeper(value)): unknown {
  return deeper ? cut(value) : value;
}

/** Whether `root`, itself at `rootDepth` in a body, holds a container at CARRIED_DEPTH or deeper. */
export function nestsDeeper(root: unknown, rootDepth = 0): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value: root, depth: rootDepth }];
  while (pending.length > 0) {
    const { value, depth } = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= CARRIED_DEPTH) return true;
    for (const member of Object.values(value)) pending.push({ value: member, depth: depth + 1 });
  }
  return false;
}

function cut(root: unknown): unknown {
  const result: { root?: unknown } = {};
  const pending: Array<{ value: unknown; depth: number; holder: Record<string, unknown>; key: string }> = [{ value: root, depth: 0, holder: result, key: 'root' }];
  while (pending.length > 0) {
    const { value, depth, holder, key } = pending.pop()!;
    if (typeof value !== 'object' || value === null) {
      holder[key] = value;
      continue;
    }
    const copy: Record<string, unknown> = Array.isArray(value) ? (new Array(depth === CARRIED_DEPTH ? 0 : value.length) as unknown as Record<string, unknown>) : Object.create(null);
    holder[key] = copy;
    if (depth < CARRIED_DEPTH) for (const [name, member] of Object.entries(value)) pending.push({ value: member, depth: depth + 1, holder: copy, key: name });
  }
  return result.root;
}
