import { getAtPointer, joinPointer } from '../../json/index.ts';
import type { Operation } from '../types.ts';
import { isObject } from '../walk.ts';
import { resolveRef } from './refs.ts';
import { outOfBounds, type BodyDiffContext } from './schema-diff.ts';
import { viewOf } from './schema-view.ts';

type Json = Record<string, unknown>;

const requestBodyOf = (document: Json, operation: Operation) => resolveRef(document, getAtPointer(document, joinPointer(operation.pointer, 'requestBody'))).schema;

/**
 * A request body that became required, and properties a request must now send (required in the
 * revision, absent from the base), under the media types both versions accept; `where` is
 * /requestBody and the property's path below it. readOnly properties are never sent, so never asked.
 * Shares the response bodies' bounds (depth, work, changes).
 */
export function diffRequestBody(context: BodyDiffContext, base: Operation, revision: Operation): void {
  const before = requestBodyOf(context.base, base);
  const after = requestBodyOf(context.revision, revision);
  if (before === null || after === null) return;
  const operation = revision.key;
  if (before.required !== true && after.required === true) context.changes.add('request-body-became-required', { operation, status: null, where: '/requestBody' });
  const contentOf = (body: Json) => (isObject(body.content) ? body.content : {});
  const beforeContent = contentOf(before);
  for (const [mediaType, entry] of Object.entries(contentOf(after))) {
    const previous = beforeContent[mediaType];
    if (isObject(previous) && isObject(entry)) walk(context, operation, previous.schema, entry.schema, '/requestBody', 0, new Set());
  }
}

function walk(context: BodyDiffContext, operation: string, baseRaw: unknown, revisionRaw: unknown, where: string, depth: number, onPath: Set<string>): void {
  if (context.changes.full || context.same.test(baseRaw, revisionRaw) || outOfBounds(context, { operation, status: null }, where, depth)) return;
  const base = viewOf(context.base, baseRaw);
  const revision = viewOf(context.revision, revisionRaw);
  const pairKey = base.target !== null && revision.target !== null ? `${base.target}\n${revision.target}` : null;
  if (pairKey !== null && onPath.has(pairKey)) return;
  if (pairKey !== null) onPath.add(pairKey);
  for (const [name, child] of revision.properties) {
    const at = joinPointer(where, name);
    const previous = base.properties.get(name);
    if (previous === undefined) {
      const readOnly = resolveRef(context.revision, child).schema?.readOnly === true;
      if (revision.required.has(name) && !readOnly) context.changes.add('new-required-request-property', { operation, status: null, where: at });
    } else walk(context, operation, previous, child, at, depth + 1, onPath);
  }
  if (base.items !== undefined && revision.items !== undefined) walk(context, operation, base.items, revision.items, `${where}/items`, depth + 1, onPath);
  if (pairKey !== null) onPath.delete(pairKey);
}
