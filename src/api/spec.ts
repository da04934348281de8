import type { Finding } from '../findings/index.ts';
import { loadSpec as loadDocument, type LoadedSpec } from '../spec/index.ts';

/** A vendor's OpenAPI document, loaded and ready to check responses against. Made by loadSpec only. */
export interface Spec {
  /** The path as given. */
  readonly file: string;
  /** The vendor findings name: the loadSpec option, else x-provenance.vendor, else the document's folder. */
  readonly vendor: string;
  readonly title: string;
  readonly version: string;
  /** Every operation, as checks name them: "GET /ledger_accounts/{id}". */
  readonly operations: readonly string[];
  /** What is wrong in the document itself (spec-* findings); the broken parts check nothing. */
  readonly defects: readonly Finding[];
}

export interface LoadSpecOptions {
  /** Where a relative `file` is read from, and the folder its $refs may reach; default process.cwd(). */
  cwd?: string;
  /** The vendor's name in findings. */
  vendor?: string;
}

// The loaded document behind each Spec: its compiled schemas stay internal, and are compiled once per document.
const documents = new WeakMap<Spec, LoadedSpec>();

/**
 * Loads, bundles and lints a vendor's OpenAPI 3.0 or 3.1 document (YAML or JSON). Rejects with an
 * error that names the file when nothing in it can be checked; any lesser defect is in `defects`.
 */
export async function loadSpec(file: string, options: LoadSpecOptions = {}): Promise<Spec> {
  const loaded = await loadDocument(file, { cwd: options.cwd ?? process.cwd(), vendor: options.vendor });
  const spec: Spec = Object.freeze({
    file: loaded.file,
    vendor: loaded.vendor,
    title: loaded.title,
    version: loaded.version,
    operations: Object.freeze(loaded.operations.map((operation) => operation.key)),
    defects: Object.freeze([...loaded.defects]),
  });
  documents.set(spec, loaded);
  return spec;
}

export function loadedOf(spec: Spec): LoadedSpec {
  const loaded = documents.get(spec);
  if (!loaded) throw new TypeError('conform: not a Spec from loadSpec()');
  return loaded;
}
