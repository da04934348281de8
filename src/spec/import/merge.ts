import { isDeepStrictEqual } from 'node:util';
import { SpecImportError } from './errors.ts';
import { firstDifference, isObject, pointerSegment } from './json.ts';
import type { JsonObject } from './types.ts';

export interface MergeInput {
  page: string;
  document: JsonObject;
}

/** What one page brought to the merged document, for the provenance edits. */
export interface PageContribution {
  page: string;
  added: number;
  folded: number;
}

export interface MergeResult {
  document: JsonObject;
  contributions: PageContribution[];
}

// Maps of maps are merged entry by entry (a path's operations, a component section's names);
// everything else (openapi, security, externalDocs, x-*) is one unit that must agree across pages.
const MAP_DEPTH: Partial<Record<string, number>> = { info: 1, paths: 2, webhooks: 2, components: 2 };

// Lists merged as sets: a server is identified by all of it, a tag by its name.
const LIST_IDENTITY: Partial<Record<string, (a: unknown, b: unknown) => boolean>> = {
  servers: isDeepStrictEqual,
  tags: (a, b) => isObject(a) && isObject(b) && a.name === b.name,
};

/**
 * Merges the documents of one vendor+version, in page order, keeping the first page's key order.
 * Identical duplicates fold; a differing duplicate is an error naming both pages and the JSON pointer.
 */
export function mergeDocuments(label: string, inputs: MergeInput[]): MergeResult {
  const merged: JsonObject = {};
  const definedBy = new Map<string, string>();

  const contributions = inputs.map(({ page, document }) => {
    const tally: PageContribution = { page, added: 0, folded: 0 };

    const conflict = (pointer: string, existing: unknown, value: unknown): SpecImportError => {
      const first = ownerOf(definedBy, pointer);
      const difference = firstDifference(existing, value, pointer);
      const detail = difference === pointer ? '' : ` (first difference at ${difference})`;
      return new SpecImportError(
        'SPEC_IMPORT_CONFLICT',
        `${label}: ${pointer} differs between ${first} and ${page}${detail}`,
        { pointer, pages: [first, page] },
      );
    };

    const place = (container: JsonObject, key: string, value: unknown, pointer: string, depth: number): void => {
      const exists = Object.hasOwn(container, key);
      const existing = container[key];
      if (depth > 0 && isObject(value) && (!exists || isObject(existing))) {
        const target = exists ? (existing as JsonObject) : (container[key] = {});
        for (const [member, memberValue] of Object.entries(value)) {
          place(target as JsonObject, member, memberValue, `${pointer}/${pointerSegment(member)}`, depth - 1);
        }
      } else if (!exists) {
        container[key] = value;
        definedBy.set(pointer, page);
        tally.added++;
      } else if (isDeepStrictEqual(existing, value)) {
        tally.folded++;
      } else {
        throw conflict(pointer, existing, value);
      }
    };

    const unionList = (key: string, items: unknown[], sameEntry: (a: unknown, b: unknown) => boolean): void => {
      const list = (merged[key] ??= []) as unknown[];
      for (const item of items) {
        const index = list.findIndex((entry) => sameEntry(entry, item));
        const pointer = `/${key}/${index < 0 ? list.length : index}`;
        if (index < 0) {
          list.push(item);
          definedBy.set(pointer, page);
          tally.added++;
        } else if (isDeepStrictEqual(list[index], item)) {
          tally.folded++;
        } else {
          throw conflict(pointer, list[index], item);
        }
      }
    };

    for (const [key, value] of Object.entries(document)) {
      const sameEntry = LIST_IDENTITY[key];
      if (sameEntry && Array.isArray(value) && (merged[key] === undefined || Array.isArray(merged[key]))) {
        unionList(key, value, sameEntry);
      } else {
        place(merged, key, value, `/${pointerSegment(key)}`, MAP_DEPTH[key] ?? 0);
      }
    }
    return tally;
  });

  return { document: merged, contributions };
}

/** The page that defined a unit, or the first page that defined something inside it. */
function ownerOf(definedBy: Map<string, string>, pointer: string): string {
  const exact = definedBy.get(pointer);
  if (exact !== undefined) return exact;
  for (const [defined, page] of definedBy) {
    if (defined.startsWith(`${pointer}/`)) return page;
  }
  return 'an earlier page';
}
