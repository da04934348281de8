import { $RefParser } from '@apidevtools/json-schema-ref-parser';
import { SpecLoadError } from './errors.ts';

/**
 * Pulls every external $ref (other files) into the document as internal refs, with the maintained
 * json-schema-ref-parser. Internal refs stay refs, so recursive schemas stay finite and ajv resolves them.
 * Refs that cannot be resolved are left in place for the lint to report (continueOnError): a missing
 * file is a located finding, not a failed load. Never fetches over the network.
 */
export async function bundleExternalRefs(file: string, absolutePath: string, document: Record<string, unknown>): Promise<Record<string, unknown>> {
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
