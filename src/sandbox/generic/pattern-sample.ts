import { RE2JS } from 're2js';

// openapi-sampler's own pattern sampler copies escapes and `?` literally ("AAA-\dddd" for
// `^[A-Z]{3}-\d{4}$`), so strings with a pattern are sampled here: the shortest text the pattern
// allows along its first alternatives, then checked by RE2. A pattern this cannot follow yields
// undefined and the caller samples without it.

/** Longest string sampled: a pattern asking for more is not sampled. */
const MAX_LENGTH = 1000;
// `\d` is 9, not 0, for the same reason as a range's last member below.
const ESCAPES: Readonly<Record<string, string>> = { d: '9', w: 'a', s: ' ', D: 'a', W: '-', S: 'a', b: '', B: '', n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', A: '', z: '', Z: '' };

class Unsupported extends Error {}

export function samplePattern(pattern: string): string | undefined {
  try {
    const reader = { pattern, at: 0 };
    const text = alternatives(reader);
    if (reader.at !== pattern.length) return undefined;
    return RE2JS.compile(RE2JS.translateRegExp(pattern)).test(text) ? text : undefined;
  } catch {
    return undefined; // Unsupported, or a pattern RE2 cannot compile
  }
}

interface Reader {
  pattern: string;
  at: number;
}

/** `a|b|c`: the first alternative's text; the others are read past. */
function alternatives(reader: Reader): string {
  const first = sequence(reader);
  while (reader.pattern.charAt(reader.at) === '|') {
    reader.at += 1;
    sequence(reader);
  }
  return first;
}

function sequence(reader: Reader): string {
  let text = '';
  while (reader.at < reader.pattern.length && !'|)'.includes(reader.pattern.charAt(reader.at))) {
    const atom = readAtom(reader);
    const count = repeats(reader);
    if (text.length + atom.length * count > MAX_LENGTH) throw new Unsupported();
    text += atom.repeat(count);
  }
  return text;
}

/** The fewest repeats the quantifier after an atom allows (one without a quantifier). */
function repeats(reader: Reader): number {
  const char = reader.pattern.charAt(reader.at);
  let count = 1;
  if (char === '?' || char === '*' || char === '+') {
    reader.at += 1;
    count = char === '+' ? 1 : 0;
  } else if (char === '{') {
    const close = reader.pattern.indexOf('}', reader.at);
    const body = close < 0 ? '' : reader.pattern.slice(reader.at + 1, close);
    const min = body.split(',')[0] ?? '';
    if (min === '' || min.length > 4 || [...min].some((digit) => digit < '0' || digit > '9')) return 1; // a literal '{'
    reader.at = close + 1;
    count = Number(min);
  }
  if (reader.pattern.charAt(reader.at) === '?') reader.at += 1; // lazy quantifier: same fewest
  return count;
}

function readAtom(reader: Reader): string {
  const char = reader.pattern.charAt(reader.at);
  reader.at += 1;
  if (char === '^' || char === '$') return '';
  if (char === '.') return 'a';
  if (char === '\\') return escaped(reader);
  if (char === '[') return characterClass(reader);
  if (char === '(') {
    if (reader.pattern.charAt(reader.at) === '?') {
      const kind = reader.pattern.charAt(reader.at + 1);
      if (kind === ':') reader.at += 2;
      else if (kind === '<' && !'=!'.includes(reader.pattern.charAt(reader.at + 2))) reader.at = reader.pattern.indexOf('>', reader.at) + 1;
      else throw new Unsupported(); // lookarounds
    }
    const text = alternatives(reader);
    if (reader.pattern.charAt(reader.at) !== ')') throw new Unsupported();
    reader.at += 1;
    return text;
  }
  return char;
}

function escaped(reader: Reader): string {
  const char = reader.pattern.charAt(reader.at);
  reader.at += 1;
  if (char >= '1' && char <= '9') throw new Unsupported(); // backreference
  if (char === 'u' || char === 'x' || char === 'p' || char === 'P' || char === 'c') throw new Unsupported();
  return Object.hasOwn(ESCAPES, char) ? ESCAPES[char]! : char;
}

/** `[...]`: its first member (a range's last); for `[^...]`, the first of a few common characters it does not exclude. */
function characterClass(reader: Reader): string {
  const negated = reader.pattern.charAt(reader.at) === '^';
  if (negated) reader.at += 1;
  const members: string[] = [];
  let first = true;
  while (reader.at < reader.pattern.length && (first || reader.pattern.charAt(reader.at) !== ']')) {
    first = false;
    const char = reader.pattern.charAt(reader.at);
    reader.at += 1;
    members.push(char === '\\' ? escaped(reader) : char);
  }
  if (reader.pattern.charAt(reader.at) !== ']') throw new Unsupported();
  reader.at += 1;
  if (!negated) {
    if (members[0] === undefined) throw new Unsupported();
    // A range's last member, not its first: an id of zeros (wal_00000000) reads as the unknown id a case sends.
    return members[1] === '-' && members[2] !== undefined ? members[2] : members[0];
  }
  // The excluded set is checked by RE2 afterwards; a range's inner characters are not listed here.
  const candidate = [...'a0A_-x9Z'].find((c) => !members.includes(c));
  if (candidate === undefined) throw new Unsupported();
  return candidate;
}
