import type { Finding } from '../findings/index.ts';
import type { SchemaRegistry } from '../schema/index.ts';
import type { ValidatedDocument } from '../schema/index.ts';

export interface MediaTypeEntry {
  /** Lower-case, without parameters: "application/json". */
  mediaType: string;
  pointer: string;
  /** Pointer of the schema in the document, or null when the media type documents no schema. */
  schemaPointer: string | null;
}

export interface ResponseEntry {
  /** As written in the document: "200", "4XX" or "default". */
  statusKey: string;
  pointer: string;
  content: MediaTypeEntry[];
  requiredHeaders: string[];
}

export interface Operation {
  /** "GET /ledger_accounts/{id}": how reports, waivers and fingerprints name an operation. */
  key: string;
  method: string;
  path: string;
  pointer: string;
  responses: ResponseEntry[];
  /** Effective security requirements (operation-level, else document-level); empty when none. */
  security: Array<Record<string, string[]>>;
}

export interface LoadedSpec {
  /** The path as the user gave it (relative paths stay relative: they appear in reports). */
  file: string;
  /** The document's own size in bytes (files it refers to not included). */
  bytes: number;
  vendor: string;
  title: string;
  version: string;
  openapi: string;
  servers: string[];
  operations: Operation[];
  /** spec-* findings found while loading; the broken parts are unconstrained in `document`. */
  defects: Finding[];
  /** Bundled, normalised and repaired: what conform validates against. */
  document: Record<string, unknown>;
  validation: { registry: SchemaRegistry; documentId: string; prepared: ValidatedDocument };
}
