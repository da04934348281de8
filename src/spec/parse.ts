import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { SpecLoadError } from './errors.ts';

/** Reads a YAML or JSON document (JSON is YAML 1.2), turning every failure into a located SpecLoadError. */
export async function readDocument(file: string, absolutePath: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(absolutePath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SpecLoadError('SPEC_FILE_MISSING', { file }, 'file not found');
    throw new SpecLoadError('SPEC_FILE_UNREADABLE', { file }, `cannot read file (${code ?? 'unknown error'})`);
  }
  return parseText(file, text);
}

export function parseText(file: string, text: string): unknown {
  const document = parseDocument(text);
  const [first] = document.errors;
  if (first) {
    const position = first.linePos?.[0];
    throw new SpecLoadError(
      'SPEC_SYNTAX',
      { file, line: position?.line, column: position?.col },
      `invalid YAML/JSON: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
    );
  }
  return document.toJS({ maxAliasCount: 10_000 });
}
