import { getAtPointer } from '../json/pointer.ts';
import { SpecLoadError } from '../spec/errors.ts';
import { loadSpec } from '../spec/load.ts';
import { findMediaType, findResponse } from '../spec/lookup.ts';
import type { LoadedSpec } from '../spec/types.ts';
import type { CaseResult } from '../results/index.ts';

export interface ResponseSchema {
  schema: unknown;
  /** The repaired document the schema's internal `$ref`s point into. */
  document: unknown;
}

/**
 * The documented schema of each case's response, from the document the case was checked against.
 * Each document loads once; one that cannot load (already reported by the run) documents nothing,
 * and the contract then holds its values by their observed types.
 */
export function responseSchemas(cwd: string, preloaded?: ReadonlyMap<string, LoadedSpec>): (result: CaseResult) => Promise<ResponseSchema | null> {
  // The run has loaded its documents already; a document is loaded again only when it has not.
  const loaded = new Map<string, Promise<LoadedSpec | null>>([...(preloaded ?? [])].map(([file, spec]) => [file, Promise.resolve(spec)]));
  const load = (file: string, vendor: string) => {
    if (!loaded.has(file)) {
      loaded.set(
        file,
        loadSpec(file, { cwd, vendor }).catch((error: unknown) => {
          if (error instanceof SpecLoadError) return null;
          throw error;
        }),
      );
    }
    return loaded.get(file)!;
  };
  return async (result) => {
    const spec = await load(result.spec.file, result.vendor);
    const operation = spec?.operations.find((o) => o.key === result.operation);
    const documented = operation && result.response ? findResponse(operation, result.response.status) : undefined;
    const contentType = result.response?.headers['content-type'];
    const media = documented && contentType ? findMediaType(documented, contentType) : undefined;
    if (!spec || !media?.schemaPointer) return null;
    return { schema: getAtPointer(spec.document, media.schemaPointer), document: spec.document };
  };
}
