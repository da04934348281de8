import { $RefParser } from '@apidevtools/json-schema-ref-parser';
import { SpecLoadError } from './errors.ts';

/**
 * Pulls every external $ref (other files) into the document as internal refs, with the maintained
 * json-schema-ref-parser. Internal refs stay refs, so recursive schemas stay finite and ajv resolves them.
 * Refs that cannot be resolved are left in place for the lint to report (continueOnError): a missing
 * file is a located finding, not a failed load. Never fetches over the network.
 */
export async function bundleExternalRefs(file: string, absolutePath: string, document: Record<string, unknown>): Promise<Record<string, unknown>> {
  // Internal refs need no bundling, and the parser walks them recursively: a long chain of them
  // (thousands of schemas referring onwards) would overflow its stack for nothing.
  if (!hasExternalRef(document)) return structuredClone(document);
  const parser = new $RefParser();
  try {
    return (await parser.bundle(absolutePath, structuredClone(document), {
      continueOnError: true,
      resolve: { http: false, external: true },
      dereference: { circular: true },
    })) as Record<string, unknown>;
  } catch (error) {
    // With continueOnError the parser throws one group holding every unresolved ref, after bundling what it could.
    const bundled = (error as { files?: { schema?: unknown } }).files?.schema;
    if (bundled && typeof bundled === 'object') return bundled as Record<string, unknown>;
    throw new SpecLoadError('SPEC_REF_CYCLE', { file }, `cannot bundle $refs: ${(error as Error).message}`);
  }
}

/** Whether any $ref points outside the document. Iterative: vendor documents can be large and deep. */
function hasExternalRef(document: unknown): boolean {
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) return true;
      if (typeof value === 'object') stack.push(value);
    }
  }
  return false;
}
