import { linearRegExp, type LinearRegExp } from '../schema/index.ts';

/**
 * Which vendor `pattern`s describe an identifier rather than text, so that a value matching one cannot
 * carry a person's data. Such a pattern, as a whole:
 * - is anchored (`^...$`) and starts with a literal id prefix: a letter, letters or digits, then `_` or
 *   `-` (`^ldgr_`, `^biz_`, `^cus-`);
 * - continues with literal id characters, `\d`, `\w`, or classes of id characters and ranges (`[A-Za-z0-9]`);
 *   no `.`, no negated class, no `\s`/`\S`/`\W`/`\D`/`\p`, no space, no group, no alternation;
 * - quantifies at most two of its parts with anything but an exact count (`{n}`).
 * A pattern without an id prefix is never enough, even when bounded: `^\d{3}-\d{2}-\d{4}$` admits no
 * free text, but it is the shape of a tax id. Checked values are at most 256 characters, and the shape
 * above runs on RE2 like every vendor pattern: linear in the value.
 */
export function admitsNoFreeText(pattern: string, value: string): boolean {
  if (value.length > MAX_VALUE_LENGTH) return false;
  const compiled = idPatternOf(pattern);
  return compiled !== null && compiled.test(value);
}

const MAX_VALUE_LENGTH = 256;
const MAX_FREE_QUANTIFIERS = 2;

const PREFIX = /^\^[A-Za-z][A-Za-z0-9]*[_-]/;
const ATOM = /\\[dw]|\[(?:[A-Za-z0-9_]-[A-Za-z0-9_]|[A-Za-z0-9_]|\\[dw]|\\-)+-?\]|[A-Za-z0-9_-]/y;
const QUANTIFIER = /\{\d+\}|\{\d+,\d*\}|[?*+]/y;

const verdicts = new Map<string, LinearRegExp | null>();
const MAX_REMEMBERED = 1024;

function idPatternOf(pattern: string): LinearRegExp | null {
  let verdict = verdicts.get(pattern);
  if (verdict === undefined) {
    verdict = isIdPattern(pattern) ? compile(pattern) : null;
    if (verdicts.size < MAX_REMEMBERED) verdicts.set(pattern, verdict);
  }
  return verdict;
}

function isIdPattern(pattern: string): boolean {
  const prefix = PREFIX.exec(pattern);
  if (!prefix || !pattern.endsWith('$') || pattern.endsWith('\\$')) return false;
  const body = pattern.slice(prefix[0].length, -1);
  let at = 0;
  let free = 0;
  while (at < body.length) {
    ATOM.lastIndex = at;
    const atom = ATOM.exec(body);
    if (!atom) return false;
    at += atom[0].length;
    QUANTIFIER.lastIndex = at;
    const quantifier = QUANTIFIER.exec(body);
    if (quantifier) {
      at += quantifier[0].length;
      if (!/^\{\d+\}$/.test(quantifier[0]) && ++free > MAX_FREE_QUANTIFIERS) return false;
    }
  }
  return true;
}

// RE2, as for every vendor pattern: linear in the value whatever the pattern.
function compile(pattern: string): LinearRegExp | null {
  try {
    return linearRegExp(pattern);
  } catch {
    return null;
  }
}
