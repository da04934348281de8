import { resolveRef } from './refs.ts';

type Json = Record<string, unknown>;

interface Branch {
  raw: unknown;
  name: string | null;
  title: string | null;
  /** How the branch is named in `where` and `value`: component name, else title, else "#<position>". */
  label: string;
}

export interface BranchPairing {
  pairs: Array<{ base: unknown; revision: unknown; label: string }>;
  removed: string[];
  added: string[];
}

/**
 * Pairs the oneOf branches of two versions of a schema: by component name (the $ref as written),
 * then by title, then the branches that have neither in order. A paired branch is labelled as in
 * the revision (its new name when renamed).
 */
export function pairBranches(baseDocument: Json, revisionDocument: Json, baseRaw: unknown[], revisionRaw: unknown[]): BranchPairing {
  const base = baseRaw.map((raw, i) => describe(baseDocument, raw, i));
  const revision = revisionRaw.map((raw, i) => describe(revisionDocument, raw, i));
  const pairs: BranchPairing['pairs'] = [];
  const paired = new Set<Branch>();
  // One queue of revision branches per name, per title, and one of the anonymous: each pairing takes the first still free.
  const byName = queues(revision, (branch) => branch.name);
  const byTitle = queues(revision, (branch) => branch.title);
  const anonymous = queues(revision, (branch) => (branch.name === null && branch.title === null ? '' : null));

  const match = (branch: Branch, queue: Queue | undefined): boolean => {
    while (queue && queue.next < queue.branches.length) {
      const partner = queue.branches[queue.next++]!;
      if (paired.has(partner)) continue;
      paired.add(partner);
      pairs.push({ base: branch.raw, revision: partner.raw, label: partner.label });
      return true;
    }
    return false;
  };
  const afterNames = base.filter((branch) => branch.name === null || !match(branch, byName.get(branch.name)));
  const afterTitles = afterNames.filter((branch) => branch.title === null || !match(branch, byTitle.get(branch.title)));
  const removed = afterTitles.filter((branch) => !(branch.name === null && branch.title === null && match(branch, anonymous.get('')))).map((b) => b.label);
  const added = revision.filter((branch) => !paired.has(branch)).map((b) => b.label);
  return { pairs, removed, added };
}

interface Queue {
  branches: Branch[];
  next: number;
}

function queues(branches: Branch[], keyOf: (branch: Branch) => string | null): Map<string, Queue> {
  const byKey = new Map<string, Queue>();
  for (const branch of branches) {
    const key = keyOf(branch);
    if (key === null) continue;
    const queue = byKey.get(key) ?? { branches: [], next: 0 };
    queue.branches.push(branch);
    byKey.set(key, queue);
  }
  return byKey;
}

function describe(document: Json, raw: unknown, position: number): Branch {
  const { schema, name } = resolveRef(document, raw);
  const title = schema !== null && typeof schema.title === 'string' ? schema.title : null;
  return { raw, name, title, label: name ?? title ?? `#${position}` };
}
