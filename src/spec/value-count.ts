import { CST, Lexer } from 'yaml';
import { SpecLoadError } from './errors.ts';
import { MAX_EXPANDED_VALUES } from './to-plain.ts';

/**
 * Every value a text writes takes at least two characters (a scalar and what separates it from the
 * next, or a collection's brackets): a shorter text cannot write more than MAX_EXPANDED_VALUES
 * (its aliases are counted as toPlain expands them).
 */
const MIN_CHARS_PER_VALUE = 2;

/** The lexer's scalar tokens: a plain or block scalar's marker (then its text), or a quoted scalar whole. */
const SCALAR_TOKENS: ReadonlySet<string> = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar']);

/** What may come before a document's first value (a `---` among them): a `---` after these starts no second document. */
const BEFORE_CONTENT: ReadonlySet<string> = new Set(['byte-order-mark', 'doc-mode', 'doc-start', 'directive-line', 'space', 'newline', 'comment']);

/** The lexer's control tokens, which stand in the token stream for nothing of the text. */
const CONTROL_TOKENS: ReadonlySet<string> = new Set(['\x02', '\x18', '\x1f']);


/** The lexer's plain and block scalar marker: the token after it is the scalar's text, whatever it reads like. */
const SCALAR_MARKER = '\x1f';

/**
 * Where a text's first document ends: its length, when it holds one (or is too short to screen), else
 * where a second one starts, as the parser would name it; refuses, located, a first document of more
 * than MAX_EXPANDED_VALUES scalars. All before the YAML parser builds anything: the yaml package takes
 * about 6 µs a value (a 4 MB list of zeros, 12 s), and builds a second document whole before refusing
 * it; its lexer takes about a tenth of that. Only texts long enough to write that many values are
 * lexed; toPlain still counts collections and aliases exactly on the rest.
 */
export function firstDocumentEnd(file: string, text: string): number {
  if (text.length <= MIN_CHARS_PER_VALUE * MAX_EXPANDED_VALUES) return text.length;
  let scalars = 0;
  let offset = 0;
  let content = false;
  let started = false;
  let ended = false;
  /** Where the document after a `...` begins: the parser names the start of its first line. */
  let nextDocumentAt = -1;
  let previous = '';
  for (const token of new Lexer().lex(text)) {
    // A plain `...` or `---` is a scalar's text, not the end or start of a document (and a text that is one
    // control character is text, not the lexer's marker).
    const type = previous === SCALAR_MARKER ? 'scalar-text' : CST.tokenType(token);
    previous = type === 'scalar-text' ? '' : token;
    const isContent = type === null || !BEFORE_CONTENT.has(type);
    if (ended && nextDocumentAt === -1 && type === 'doc-mode' && (offset === 0 || text[offset - 1] === '\n')) nextDocumentAt = offset;
    // The parser would build a second document whole before refusing it: refuse it where it starts.
    if (type === 'doc-start' && (content || started)) return offset;
    if (ended && isContent) return nextDocumentAt === -1 ? offset : nextDocumentAt;
    started ||= type === 'doc-start';
    ended ||= type === 'doc-end';
    content ||= isContent;
    if (type !== null && SCALAR_TOKENS.has(type) && ++scalars > MAX_EXPANDED_VALUES) {
      throw new SpecLoadError('SPEC_TOO_LARGE', { file, ...lineAndColumn(text, offset) }, `the document holds more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values, more than conform reads`);
    }
    if (type === 'scalar-text' || !CONTROL_TOKENS.has(token)) offset += token.length;
  }
  return text.length;
}

/** 1-based, as the parser's own locations. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
