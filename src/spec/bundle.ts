import type { FileInfo } from '@apidevtools/json-schema-ref-parser';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SpecLoadError } from './errors.ts';
import { FileRefusal, readBoundedFile } from './files.ts';
import { parseText } from './parse.ts';

type Json = Record<string, unknown>;

export interface Bundled {
  document: Json;
  /** Why the file an unresolved external $ref (as written) points to was not read, if it was refused. */
  refusalOf(ref: string): FileRefusal | undefined;
}

/**
 * Pulls every external $ref (other files) into the document as internal refs, with the maintained
 * json-schema-ref-parser. Internal refs stay refs, so recursive schemas stay finite and ajv resolves them.
 * Refs that cannot be resolved are left in place for the lint to report (continueOnError): a missing
 * file is a located finding, not a failed load. Never fetches over the network.
 * Files are read only by our resolver (inside `root`, regular, size-capped, see files.ts) and parsed
 * only by our parser (alias, depth and size bounds, see to-plain.ts): the library's own never run.
 */
export async function bundleExternalRefs(file: string, absolutePath: string, document: Json, root: string): Promise<Bundled> {
  const refusals = new Map<string, FileRefusal>();
  const bases = [pathToFileURL(absolutePath).href];
  const refusalOf = (ref: string) => {
    for (const base of bases) {
      const refusal = refusals.get(withoutFragment(ref, base));
      if (refusal) return refusal;
    }
    return undefined;
  };
  // Internal refs need no bundling, and the parser walks them recursively: a long chain of them
  // (thousands of schemas referring onwards) would overflow its stack for nothing.
  if (!hasExternalRef(document)) return { document: structuredClone(document), refusalOf };

  const read = async (info: FileInfo): Promise<Buffer> => {
    const target = withoutFragment(info.url, 'file:///');
    try {
      if (!target.startsWith('file:')) throw new FileRefusal('outside', 'not a file');
      const contents = await readBoundedFile(fileURLToPath(target), root);
      bases.push(target);
      return contents;
    } catch (error) {
      if (error instanceof FileRefusal) refusals.set(target, error);
      throw error;
    }
  };
  // Loaded only for a document that needs it: most have no external $ref, and it weighs on every start.
  const { $RefParser } = await import('@apidevtools/json-schema-ref-parser');
  const parser = new $RefParser();
  try {
    const bundled = await parser.bundle(absolutePath, structuredClone(document), {
      continueOnError: true,
      resolve: {
        external: true,
        http: false,
        file: false,
        // Everything but http(s), which stays unresolved (never fetched): file paths, file: URLs and other schemes, refused.
        bounded: { order: 1, canRead: (info: FileInfo) => !/^https?:/i.test(info.url), read },
      },
      parse: { json: false, yaml: false, text: false, binary: false, bounded: { order: 1, canParse: true, parse: (info: FileInfo) => parseText(info.url, String(info.data)) } },
      dereference: { circular: true },
    });
    return { document: bundled as Json, refusalOf };
  } catch (error) {
    // With continueOnError the parser throws one group holding every unresolved ref, after bundling what it could.
    const bundled = (error as { files?: { schema?: unknown } }).files?.schema;
    if (bundled && typeof bundled === 'object') return { document: bundled as Json, refusalOf };
    throw new SpecLoadError('SPEC_REF_CYCLE', { file }, `cannot bundle $refs: ${(error as Error).message}`);
  }
}

/** A $ref's target file as a URL, so refs written differently ("a.yaml", "./a.yaml#/X") compare equal. */
function withoutFragment(ref: string, base: string): string {
  try {
    const url = new URL(ref, base);
    url.hash = '';
    return url.href;
  } catch {
    return ref;
  }
}

/** Whether any $ref points outside the document. Iterative: vendor documents can be large and deep. */
function hasExternalRef(document: unknown): boolean {
  const stack: unknown[] = [document];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) return true;
      if (typeof value === 'object') stack.push(value);
    }
  }
  return false;
}
