import { LineCounter, parseDocument } from 'yaml';
import { SpecLoadError } from './errors.ts';
import { FileRefusal, readBoundedFile } from './files.ts';
import { MAX_DEPTH, toPlain } from './to-plain.ts';
import { firstDocumentEnd } from './value-count.ts';

/**
 * Reads a YAML or JSON document (JSON is YAML 1.2), turning every failure into a located SpecLoadError.
 * Only a regular file up to the size cap is read, checked before the first byte.
 */
export async function readDocument(file: string, absolutePath: string): Promise<{ document: unknown; bytes: number }> {
  let text: Buffer;
  try {
    text = await readBoundedFile(absolutePath);
  } catch (error) {
    if (!(error instanceof FileRefusal)) throw error;
    const code = error.reason === 'missing' ? 'SPEC_FILE_MISSING' : error.reason === 'too-large' ? 'SPEC_TOO_LARGE' : 'SPEC_FILE_UNREADABLE';
    throw new SpecLoadError(code, { file }, error.message);
  }
  return { document: parseText(file, text.toString('utf8')), bytes: text.length };
}

/** Text of the documents parse results are kept for: real documents weigh tens of kilobytes, a parse ~60x. */
const REMEMBERED_BYTES = 1024 * 1024;

/**
 * The documents parsed so far, by their text, up to REMEMBERED_BYTES of text in all (oldest dropped
 * first): a vendor's document is read when its vendor file is checked and again when it is loaded, and
 * parsing is most of a start's time. Each caller gets its own copy, as loading changes the document.
 */
const parsed = new Map<string, unknown>();
let parsedBytes = 0;

export function parseText(file: string, text: string): unknown {
  if (parsed.has(text)) return structuredClone(parsed.get(text));
  const document = parsedText(file, text);
  return remembered(text, document) ? structuredClone(document) : document;
}

/** A document's text and what it parsed to: what one process hands another so it need not parse again. */
export type ParsedDocument = readonly [text: string, document: unknown];

/** The documents this process has parsed and remembers (the run hands them to its suite worker). */
export function parsedDocuments(): ParsedDocument[] {
  return [...parsed];
}

/** Takes documents another process parsed from the same texts, as if parsed here. */
export function rememberParsed(documents: readonly ParsedDocument[]): void {
  for (const [text, document] of documents) if (!parsed.has(text)) remembered(text, document);
}

function remembered(text: string, document: unknown): boolean {
  if (text.length > REMEMBERED_BYTES) return false;
  for (const [oldest] of parsed) {
    if (parsedBytes + text.length <= REMEMBERED_BYTES) break;
    parsed.delete(oldest);
    parsedBytes -= oldest.length;
  }
  parsed.set(text, document);
  parsedBytes += text.length;
  return true;
}

/** What the yaml package says of a text with a second document, when it parses the whole text. */
const MULTIPLE_DOCUMENTS = 'invalid YAML/JSON: Source contains multiple documents; please use YAML.parseAllDocuments()';

function parsedText(file: string, text: string): unknown {
  // Of a text with a second document, only the first is parsed: its own first error, else the second document, is what is wrong.
  const end = firstDocumentEnd(file, text);
  const lines = new LineCounter();
  const document = parseDocument(end < text.length ? text.slice(0, end) : text, { lineCounter: lines });
  const [first] = document.errors;
  if (first) {
    const position = first.linePos?.[0];
    const location = { file, line: position?.line, column: position?.col };
    // The parser recurses once per level and reports running out of stack as a syntax error.
    if (first.message.startsWith('Maximum call stack size exceeded')) {
      throw new SpecLoadError('SPEC_TOO_DEEP', location, `the document nests deeper than ${MAX_DEPTH} levels, more than conform reads`);
    }
    throw new SpecLoadError('SPEC_SYNTAX', location, `invalid YAML/JSON: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  if (end < text.length) {
    const { line, col } = lines.linePos(end);
    throw new SpecLoadError('SPEC_SYNTAX', { file, line, column: col }, MULTIPLE_DOCUMENTS);
  }
  return toPlain(file, document, lines);
}
