import { parsePointer } from '../json/index.ts';

/**
 * The places a vendor definition lists as never personal (`nonPersonal`: body pointers, `*` for any one
 * segment: `/error/code`, `/balances/*\/currency`). Matched segment by segment as a body is walked, so a
 * deep body costs no pointer strings.
 */
export class ListedPointers {
  private readonly patterns: string[][];

  constructor(patterns: readonly string[]) {
    this.patterns = patterns.map((pattern) => parsePointer(pattern));
  }

  /** The patterns still matching at the root: all of them. */
  root(): number[] {
    return this.patterns.map((_, index) => index);
  }

  /** The patterns still matching after one more segment, at `depth` (the member's depth, 1 for the root's members). */
  step(alive: readonly number[], segment: string, depth: number): number[] {
    return alive.filter((index) => {
      const expected = this.patterns[index]![depth - 1];
      return expected !== undefined && (expected === '*' || expected === segment);
    });
  }

  /** True when a pattern spells out `segment` at `depth`: the vendor names that key, so it is shown (a `*` names no key). */
  names(alive: readonly number[], segment: string, depth: number): boolean {
    return alive.some((index) => this.patterns[index]![depth - 1] === segment);
  }

  /** True when a pattern ends here: the value, and everything inside it, is listed as not personal. */
  complete(alive: readonly number[], depth: number): boolean {
    return alive.some((index) => this.patterns[index]!.length === depth);
  }

  /** Whether a whole pointer is listed (for evidence that arrives as a pointer, like a contract mismatch). */
  lists(pointer: string): boolean {
    let alive = this.root();
    const segments = parsePointer(pointer);
    if (this.complete(alive, 0)) return true;
    for (const [index, segment] of segments.entries()) {
      alive = this.step(alive, segment, index + 1);
      if (this.complete(alive, index + 1)) return true;
    }
    return false;
  }
}
