import type { PageContribution } from './merge.ts';
import { pageName } from './page-meta.ts';
import type { JsonObject, Provenance } from './types.ts';

export const SERIALISED_EDIT = 'serialised as YAML: quoting, line breaks and block styles normalised; content unchanged';

/** One line per change the importer made; the first page is the base the others merge into. */
export function mergeEdits(contributions: PageContribution[]): string[] {
  const pages = new Set(contributions.map((contribution) => contribution.page)).size;
  const later = contributions.slice(1).map(
    ({ page, added, folded }) => `${pageName(page)}: added ${added} definition${added === 1 ? '' : 's'}, folded ${folded} identical duplicate${folded === 1 ? '' : 's'}`,
  );
  return [`merged ${pages} page${pages === 1 ? '' : 's'}`, ...later];
}

export function serverEdit(page: string, operation: string, server: string, listed: string[]): string {
  const already = listed.length > 0 ? `; the OpenAPI block lists ${listed.join(', ')}` : '';
  return `added server ${server} from the request example on ${page} (${operation})${already}`;
}

/** The document with x-provenance right after info, where a reader opening the file looks first. */
export function withProvenance(document: JsonObject, provenance: Provenance): JsonObject {
  // Ours replaces any record the page carried: it describes this file, not the vendor's.
  const entries = Object.entries(document).filter(([key]) => key !== 'x-provenance');
  const at = entries.findIndex(([key]) => key === 'info') + 1;
  entries.splice(at, 0, ['x-provenance', provenance]);
  return Object.fromEntries(entries);
}
