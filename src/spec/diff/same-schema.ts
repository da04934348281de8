import { isObject } from '../walk.ts';
import { resolveRef } from './refs.ts';

type Json = Record<string, unknown>;

/** Deeper than this the two are taken as different and left to the walk, which has its own bounds. */
const MAX_DEPTH = 512;

/**
 * Whether two schemas, each read in its own document with $refs followed, are the same: then the
 * diff skips them (a document diffed with itself walks nothing). Each pair of nodes is compared once (a pair
 * met again while being compared counts as the same: cycles); `budget` bounds the nodes compared per diff.
 */
export class SameSchema {
  readonly #known = new Map<unknown, Map<unknown, boolean>>();
  #trail: Array<[unknown, unknown]> = [];
  #budget: number;

  constructor(
    private readonly base: Json,
    private readonly revision: Json,
    budget: number,
  ) {
    this.#budget = budget;
  }

  test(base: unknown, revision: unknown): boolean {
    this.#trail = [];
    const same = this.#equal(base, revision, 0);
    // A "same" found while assuming an enclosing pair was the same only holds if that pair was.
    if (!same) for (const [a, b] of this.#trail) if (this.#known.get(a)?.get(b) === true) this.#known.get(a)!.delete(b);
    return same;
  }

  #equal(baseRaw: unknown, revisionRaw: unknown, depth: number): boolean {
    if (depth > MAX_DEPTH || --this.#budget < 0) return false;
    if (!isObject(baseRaw) || !isObject(revisionRaw)) return Array.isArray(baseRaw) && Array.isArray(revisionRaw) ? this.#equalArrays(baseRaw, revisionRaw, depth) : baseRaw === revisionRaw;
    const base = resolveRef(this.base, baseRaw).schema;
    const revision = resolveRef(this.revision, revisionRaw).schema;
    if (base === null || revision === null) return base === revision && JSON.stringify(baseRaw) === JSON.stringify(revisionRaw);
    let row = this.#known.get(base);
    if (!row) this.#known.set(base, (row = new Map()));
    const known = row.get(revision);
    if (known !== undefined) return known;
    row.set(revision, true);
    this.#trail.push([base, revision]);
    const same = this.#equalObjects(base, revision, depth);
    row.set(revision, same);
    return same;
  }

  #equalObjects(base: Json, revision: Json, depth: number): boolean {
    const baseKeys = Object.keys(base);
    if (baseKeys.length !== Object.keys(revision).length) return false;
    return baseKeys.every((key) => Object.hasOwn(revision, key) && this.#equal(base[key], revision[key], depth + 1));
  }

  #equalArrays(base: unknown[], revision: unknown[], depth: number): boolean {
    return base.length === revision.length && base.every((value, i) => this.#equal(value, revision[i], depth + 1));
  }
}
