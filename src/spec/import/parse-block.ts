import { LineCounter, parseDocument } from 'yaml';
import { SpecLoadError } from '../errors.ts';
import { toPlain } from '../to-plain.ts';
import { SpecImportError, pagePosition } from './errors.ts';
import type { OpenApiBlock } from './fences.ts';
import { isObject } from './json.ts';
import type { JsonObject } from './types.ts';

/** A block's document with the facts the importer groups and reports by. */
export interface ParsedBlock {
  block: OpenApiBlock;
  document: JsonObject;
  title: string;
  version: string;
}

export function parseOpenApiBlock(block: OpenApiBlock): ParsedBlock {
  const lineCounter = new LineCounter();
  // prettyErrors off: we report one line with a page position, not the library's code-frame excerpt.
  const parsed = parseDocument(block.content, { lineCounter, prettyErrors: false });
  const [firstError] = parsed.errors;
  if (firstError) {
    const { line, col } = lineCounter.linePos(firstError.pos[0]);
    const pageLine = block.firstLine + line - 1;
    throw new SpecImportError(
      'SPEC_IMPORT_YAML',
      `${pagePosition(block.page, pageLine, col)}: invalid YAML in the OpenAPI block: ${firstLine(firstError.message)}`,
      { page: block.page, line: pageLine, column: col },
    );
  }
  const document = plainValue(block, parsed, lineCounter);
  const where = `${pagePosition(block.page, block.firstLine)}: the OpenAPI block`;
  if (!isObject(document) || typeof document.openapi !== 'string') {
    throw notOpenApi(block, `${where} has no "openapi" version field`);
  }
  const info = document.info;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') {
    throw notOpenApi(block, `${where} needs string info.title and info.version (quote a version like 1.0)`);
  }
  const pathItem = isObject(document.paths) ? document.paths[block.path] : undefined;
  if (!isObject(pathItem) || !(block.method.toLowerCase() in pathItem)) {
    throw new SpecImportError(
      'SPEC_IMPORT_OPERATION_MISSING',
      `${where} is labelled "${block.method} ${block.path}" but does not define that operation`,
      { page: block.page, line: block.firstLine - 1 },
    );
  }
  return { block, document, title: info.title, version: info.version };
}

/** A block is vendor text too: the same alias, size and depth bounds as a document (see to-plain.ts). */
function plainValue(block: OpenApiBlock, parsed: ReturnType<typeof parseDocument>, lineCounter: LineCounter): unknown {
  try {
    return toPlain(block.page, parsed, lineCounter);
  } catch (error) {
    if (!(error instanceof SpecLoadError)) throw error;
    const pageLine = block.firstLine + (error.location.line ?? 1) - 1;
    const column = error.location.column ?? 1;
    throw new SpecImportError('SPEC_IMPORT_YAML', `${pagePosition(block.page, pageLine, column)}: the OpenAPI block: ${error.problem}`, { page: block.page, line: pageLine, column });
  }
}

function notOpenApi(block: OpenApiBlock, message: string): SpecImportError {
  return new SpecImportError('SPEC_IMPORT_NOT_OPENAPI', message, { page: block.page, line: block.firstLine });
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
