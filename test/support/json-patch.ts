import { parsePointer } from '../../src/json/pointer.ts';

/** The RFC 6902 operations the fixtures use to derive a faulty body from a faithful one. */
export type PatchOperation =
  | { op: 'add' | 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'move'; from: string; path: string };

export function applyPatch(document: unknown, operations: PatchOperation[]): unknown {
  const result = structuredClone(document);
  for (const operation of operations) {
    if (operation.op === 'move') {
      const value = take(result, operation.from);
      put(result, operation.path, value, 'add');
    } else if (operation.op === 'remove') take(result, operation.path);
    else put(result, operation.path, operation.value, operation.op);
  }
  return result;
}

function parentOf(root: unknown, path: string): { parent: Record<string, unknown> | unknown[]; key: string } {
  const segments = parsePointer(path);
  const key = segments.pop()!;
  let node = root as Record<string, unknown>;
  for (const segment of segments) node = node[segment] as Record<string, unknown>;
  if (node === undefined || node === null) throw new Error(`patch path ${path} does not exist`);
  return { parent: node, key };
}

function take(root: unknown, path: string): unknown {
  const { parent, key } = parentOf(root, path);
  if (Array.isArray(parent)) return parent.splice(Number(key), 1)[0];
  if (!(key in parent)) throw new Error(`patch path ${path} does not exist`);
  const value = parent[key];
  delete parent[key];
  return value;
}

function put(root: unknown, path: string, value: unknown, op: 'add' | 'replace'): void {
  const { parent, key } = parentOf(root, path);
  if (Array.isArray(parent)) {
    if (key === '-') parent.push(value);
    else if (op === 'add') parent.splice(Number(key), 0, value);
    else parent[Number(key)] = value;
  } else {
    if (op === 'replace' && !(key in parent)) throw new Error(`patch path ${path} does not exist`);
    parent[key] = value;
  }
}
