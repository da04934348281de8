/** A vendor documentation page as read from disk; `path` is only used to name the page in reports. */
export interface SpecPage {
  path: string;
  text: string;
}

export interface ImportOptions {
  /** Overrides the vendor slug derived from info.title. */
  vendor?: string;
  /** YYYY-MM-DD; defaults to today (UTC), so pass it for reproducible output. */
  retrievedAt?: string;
}

export type JsonObject = Record<string, unknown>;

export interface ProvenanceSource {
  /** File name of the documentation page. */
  page: string;
  /** The page's own URL when it states one, else the documentation index URL it names. */
  url: string | null;
  /** The source path/URL from the OpenAPI fence; null for a page without an OpenAPI block. */
  specSource: string | null;
  /** "GET /path" */
  operation: string;
}

/** The `x-provenance` record every document in specs/ carries. */
export interface Provenance {
  vendor: string;
  version: string;
  retrievedAt: string;
  handWritten: boolean;
  sources: ProvenanceSource[];
  /** Everything the importer (or the author) changed or decided; vendor defects are kept, never fixed. */
  edits: string[];
}

export interface ImportedSpec {
  vendor: string;
  version: string;
  /** Relative to the specs directory: "<vendor>/<version>.yaml". */
  file: string;
  document: JsonObject;
  /** The same record as document['x-provenance'], typed. */
  provenance: Provenance;
  /** The serialised file content. */
  yaml: string;
}

export interface SkippedPage {
  page: string;
  reason: string;
}

export interface ImportResult {
  documents: ImportedSpec[];
  skipped: SkippedPage[];
}
