import { readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve, isAbsolute } from 'node:path';
// Documents are a vendor's: bounded and parsed as the document loader does (which then reuses the parse).
import { MAX_DOCUMENT_BYTES, parseText } from '../spec/index.ts';

/** What a vendor file is checked against: the names its documents declare. */
export interface DocumentFacts {
  /** securitySchemes name -> its declaration. */
  securitySchemes: Map<string, Record<string, unknown>>;
  /** "GET /accounts/{id}" -> its parameter names (path templates and declared parameters). */
  operations: Map<string, Set<string>>;
  /** "GET /accounts/{id}" -> its success bodies' schemas, from the newest document that has the operation. */
  successBodies: Map<string, SuccessBody>;
  /** False when a document could not be read: its own loader reports that, with its location, later. */
  complete: boolean;
}

/** The JSON schemas of an operation's 2xx bodies, as written (local `$ref`s resolve against `document`). */
export interface SuccessBody {
  file: string;
  document: Record<string, unknown>;
  schemas: unknown[];
}

const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete', 'options', 'trace'];

/** The facts of the vendor's documents, each read from inside the working directory only. */
export function documentFacts(cwd: string, files: readonly string[]): DocumentFacts {
  const facts: DocumentFacts = { securitySchemes: new Map(), operations: new Map(), successBodies: new Map(), complete: true };
  for (const file of files) {
    const document = readDocument(cwd, file);
    if (!document) {
      facts.complete = false;
      continue;
    }
    const schemes = record(record(document.components)?.securitySchemes);
    for (const [name, scheme] of Object.entries(schemes ?? {})) if (record(scheme)) facts.securitySchemes.set(name, record(scheme)!);
    for (const [path, item] of Object.entries(record(document.paths) ?? {})) {
      const pathItem = record(item);
      if (!pathItem) continue;
      for (const method of METHODS) {
        const operation = record(pathItem[method]);
        if (!operation) continue;
        const names = new Set([...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!));
        for (const parameter of [...list(pathItem.parameters), ...list(operation.parameters)]) {
          const declared = record(parameter)?.$ref ? referenced(document, String(record(parameter)!.$ref)) : record(parameter);
          if (typeof declared?.name === 'string') names.add(declared.name);
        }
        const key = `${method.toUpperCase()} ${path}`;
        facts.operations.set(key, names);
        if (!facts.successBodies.has(key)) facts.successBodies.set(key, { file, document, schemas: successSchemas(document, operation) });
      }
    }
  }
  return facts;
}

function readDocument(cwd: string, file: string): Record<string, unknown> | null {
  try {
    // Where the file really is (through links), and only a regular file: a FIFO would block this
    // synchronous read for ever, a link could lead outside the working directory.
    const path = realpathSync(resolve(cwd, file));
    const inside = relative(realpathSync(cwd), path);
    if (inside.startsWith('..') || isAbsolute(inside)) return null;
    const stats = statSync(path);
    if (!stats.isFile() || stats.size > MAX_DOCUMENT_BYTES) return null;
    return record(parseText(file, readFileSync(path, 'utf8')));
  } catch {
    return null;
  }
}

/** The schemas of the operation's 2xx JSON bodies (a response by `$ref` resolved). */
function successSchemas(document: Record<string, unknown>, operation: Record<string, unknown>): unknown[] {
  const schemas: unknown[] = [];
  for (const [status, answer] of Object.entries(record(operation.responses) ?? {})) {
    if (!/^2(\d\d|XX)$/i.test(status)) continue;
    const response = record(answer)?.$ref ? referenced(document, String(record(answer)!.$ref)) : record(answer);
    for (const [type, media] of Object.entries(record(response?.content) ?? {})) {
      if (/json/i.test(type) && record(media)?.schema !== undefined) schemas.push(record(media)!.schema);
    }
  }
  return schemas;
}

/** A local reference (#/components/parameters/Id); anything else is left to the document loader. */
export function referenced(document: Record<string, unknown>, ref: string): Record<string, unknown> | null {
  if (!ref.startsWith('#/')) return null;
  let node: unknown = document;
  for (const segment of ref.slice(2).split('/')) node = record(node)?.[segment.replaceAll('~1', '/').replaceAll('~0', '~')];
  return record(node);
}

export function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
