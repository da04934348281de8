import { LineCounter, parseDocument } from 'yaml';
import { SpecLoadError } from './errors.ts';
import { FileRefusal, readBoundedFile } from './files.ts';
import { MAX_DEPTH, toPlain } from './to-plain.ts';

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

export function parseText(file: string, text: string): unknown {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
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
  return toPlain(file, document, lines);
}
