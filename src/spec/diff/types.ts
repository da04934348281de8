import type { Severity } from '../../findings/index.ts';

/** How oasdiff grades a change for compatibility. */
export type ChangeLevel = 'ERR' | 'WARN' | 'INFO';

/**
 * One difference between two versions of a vendor document (`conform specs diff`): plain facts, like
 * a finding. `id` is oasdiff's rule ID where one exists, conform's own otherwise (one typed registry,
 * src/spec/diff/registry.ts); `level` is oasdiff's grade, `severity` conform's for a consumer of the
 * API, with `reason` when the two differ. Field names are public interface (JSON output).
 */
export interface SpecChange {
  id: string;
  level: ChangeLevel;
  severity: Severity;
  /** Why conform grades it otherwise than oasdiff; null when they agree. */
  reason: string | null;
  /** "GET /path/{param}" exactly as in the document; null for document-level changes (servers, components, default security). */
  operation: string | null;
  /** The response status the change sits in; null for parameter, request body, security and endpoint changes. */
  status: string | null;
  /** Where in the operation (see docs/spec-diff.md for the conventions); null for a whole endpoint. */
  where: string | null;
  /** The enum value, media type, scope or server concerned, when there is one. */
  value?: string;
  /** Present when the severity came from what the vendor sent (its baseline), not from the documents alone; `reason` then says why. */
  wire?: WireGrade;
}

/** What the vendor's baseline showed at a change's place, which graded it (docs/spec-diff.md, "Grades from the wire"). */
export interface WireGrade {
  /** Which baseline: of the live vendor or of its embedded sandbox. */
  baseline: 'live' | 'sandbox';
  /** The baseline's pointer the change's `where` maps to (array items as `*`). */
  pointer: string;
  /** What the wire showed there, in a few words: `sent null`, `sent "frozen"`, `sent in every observed response`. */
  observed: string;
}

/** `conform specs diff --format json`: whether any change is breaking, and every change. */
export interface SpecDiff {
  breaking: boolean;
  changes: SpecChange[];
}
