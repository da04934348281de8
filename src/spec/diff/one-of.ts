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
  const pairedRevision = new Set<Branch>();
  const unpairedBase: Branch[] = [];

  const match = (branch: Branch, same: (candidate: Branch) => boolean): boolean => {
    const partner = revision.find((candidate) => !pairedRevision.has(candidate) && same(candidate));
    if (!partner) return false;
    pairedRevision.add(partner);
    pairs.push({ base: branch.raw, revision: partner.raw, label: partner.label });
    return true;
  };
  const anonymous = (b: Branch) => b.name === null && b.title === null;
  for (const branch of base) if (branch.name === null || !match(branch, (c) => c.name === branch.name)) unpairedBase.push(branch);
  const leftAfterTitles = unpairedBase.filter((branch) => branch.title === null || !match(branch, (c) => c.title === branch.title));
  const removed = leftAfterTitles.filter((branch) => !(anonymous(branch) && match(branch, anonymous))).map((b) => b.label);
  const added = revision.filter((branch) => !pairedRevision.has(branch)).map((b) => b.label);
  return { pairs, removed, added };
}

function describe(document: Json, raw: unknown, position: number): Branch {
  const { schema, name } = resolveRef(document, raw);
  const title = schema !== null && typeof schema.title === 'string' ? schema.title : null;
  return { raw, name, title, label: name ?? title ?? `#${position}` };
}
