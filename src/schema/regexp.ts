import { RE2JS } from 're2js';

/** What ajv needs of a compiled pattern; `toString` is its cache key. */
export interface LinearRegExp {
  test(text: string): boolean;
  toString(): string;
}

const compiled = new Map<string, LinearRegExp>();
/**
 * RE2's matching time is the text's length times the pattern's program size, so a short pattern like
 * `[\s\S]{1000}` repeated is still slow on a long value. Real vendor patterns compile to 7-131
 * instructions (a uuid 40, `^.{1,255}$` 513); past this the pattern is refused like one RE2 cannot run.
 */
export const MAX_PROGRAM_SIZE = 1000;

/**
 * A vendor's pattern compiled for RE2 (re2js), whose matching time is linear in the text: V8's engine
 * backtracks, and `^(a+)+$` against 32 characters took over a minute. ajv calls this for `pattern` and
 * `patternProperties` (its `code.regExp` option), with flags "u", which RE2 needs no flag for.
 * ECMA-262 syntax is translated first (named groups, \u escapes, [^]). Throws for what RE2 cannot run
 * in linear time: lookarounds, backreferences, repeat counts over 1000, programs over MAX_PROGRAM_SIZE.
 */
export function linearRegExp(pattern: string, _flags = 'u'): LinearRegExp {
  let regExp = compiled.get(pattern);
  if (!regExp) {
    const re2 = RE2JS.compile(RE2JS.translateRegExp(pattern));
    const size = re2.programSize();
    if (size > MAX_PROGRAM_SIZE) throw new Error(`it compiles to ${size} RE2 instructions, more than the ${MAX_PROGRAM_SIZE} conform runs (matching costs the text's length times that)`);
    regExp = { test: (text) => re2.test(text), toString: () => `/${pattern}/u` };
    compiled.set(pattern, regExp);
  }
  return regExp;
}
/** How ajv names the engine in standalone code, which conform never generates. */
linearRegExp.code = 'linearRegExp';

/** Why RE2 cannot run `pattern`, or null when it can. */
export function linearRegExpProblem(pattern: string): string | null {
  try {
    linearRegExp(pattern);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
