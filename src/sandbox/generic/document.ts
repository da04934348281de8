import { open } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { getAtPointer, joinPointer } from '../../json/index.ts';

// The sandbox reads the document on its own, without src/spec: a sandbox that shared the checker's
// reading of a document would agree with the checker's mistakes instead of exposing them.

/** The same cap conform's document loader applies: YAML costs about 60 bytes of memory per byte of text. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Nodes walked when checking the $refs: a 10 MB document holds far fewer. */
const MAX_NODES = 2_000_000;
/** $ref chains (a $ref to a $ref to ...) longer than this are refused as a loop. */
const MAX_REF_HOPS = 32;

export type Json = Record<string, unknown>;

/** A document the generic sandbox cannot serve, located in the file (line, or JSON pointer). */
export class GenericSandboxError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    problem: string,
  ) {
    super(`${file}${where}: ${problem}`);
    this.name = 'GenericSandboxError';
  }
}

/** An OpenAPI document whose $refs are all internal and resolve; `deref` follows them. */
export interface OpenApiDocument {
  file: string;
  root: Json;
  /** The node itself, or the end of its $ref chain (a node that is not a $ref object). */
  deref(node: unknown): unknown;
  /** Where a refusal points: `file#/pointer`. */
  fail(pointer: string, problem: string): never;
}

export async function readOpenApiDocument(file: string): Promise<OpenApiDocument> {
  const text = await readBounded(file);
  const root = parseText(file, text);
  if (!isObject(root) || typeof root.openapi !== 'string' || !/^3\.[01]\./.test(root.openapi)) {
    throw new GenericSandboxError(file, '', 'not an OpenAPI 3.0 or 3.1 document (no `openapi: 3.0.x` or `3.1.x`)');
  }
  const fail = (pointer: string, problem: string): never => {
    throw new GenericSandboxError(file, `#${pointer}`, problem);
  };
  checkRefs(root, fail);
  const deref = (node: unknown): unknown => {
    let current = node;
    for (let hop = 0; hop <= MAX_REF_HOPS; hop += 1) {
      if (!isObject(current) || typeof current.$ref !== 'string') return current;
      current = resolveRef(root, current.$ref);
    }
    return fail(String((node as Json).$ref).slice(1), `a chain of more than ${MAX_REF_HOPS} $refs (a loop)`);
  };
  return { file, root, deref, fail };
}

async function readBounded(file: string): Promise<string> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new GenericSandboxError(file, '', `cannot read the document (${error.code ?? 'unknown error'})`);
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new GenericSandboxError(file, '', 'not a regular file');
    if (info.size > MAX_DOCUMENT_BYTES) throw new GenericSandboxError(file, '', `the document weighs ${info.size} bytes, more than the ${MAX_DOCUMENT_BYTES} the sandbox reads`);
    const buffer = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(buffer, 0, info.size, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function parseText(file: string, text: string): unknown {
  const lines = new LineCounter();
  try {
    const document = parseDocument(text, { lineCounter: lines });
    const [first] = document.errors;
    if (first) {
      const line = `:${first.linePos?.[0]?.line ?? 1}`;
      // The parser recurses once per level and reports running out of stack as a syntax error.
      if (first.message.startsWith('Maximum call stack size exceeded')) throw new GenericSandboxError(file, line, 'the document nests deeper than the sandbox reads');
      throw new GenericSandboxError(file, line, `invalid YAML/JSON: ${first.message.split('\n')[0]}`);
    }
    // maxAliasCount keeps YAML's "billion laughs" (aliases of aliases) from expanding without bound.
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof GenericSandboxError) throw error;
    throw new GenericSandboxError(file, '', `cannot read the document: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Every $ref is internal ("#/...") and resolves; walked without recursion, so no nesting overflows the stack. */
function checkRefs(root: Json, fail: (pointer: string, problem: string) => never): void {
  const seen = new Set<unknown>();
  const pending: Array<[unknown, string]> = [[root, '']];
  for (let walked = 0; pending.length > 0; walked += 1) {
    if (walked > MAX_NODES) fail('', `more than ${MAX_NODES} nodes`);
    const [node, pointer] = pending.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (isObject(node) && '$ref' in node) {
      const ref = node.$ref;
      if (typeof ref !== 'string') fail(pointer, '$ref is not a string');
      else if (!ref.startsWith('#')) fail(pointer, `external $ref '${ref}' refused: the generic sandbox serves one self-contained document`);
      else if (resolveRef(root, ref) === undefined) fail(pointer, `$ref '${ref}' does not resolve in the document`);
    }
    for (const [key, child] of Object.entries(node)) pending.push([child, joinPointer(pointer, key)]);
  }
}

/** The node a "#/..." reference names, or undefined (a malformed percent-escape included). */
function resolveRef(root: Json, ref: string): unknown {
  try {
    return getAtPointer(root, ref);
  } catch {
    return undefined;
  }
}

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
