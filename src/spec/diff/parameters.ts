import { getAtPointer, joinPointer } from '../../json/index.ts';
import type { Operation } from '../types.ts';
import { isObject } from '../walk.ts';
import type { ChangeList } from './change.ts';
import { resolveRef } from './refs.ts';

type Json = Record<string, unknown>;

/** Whether each parameter is required, by "<in>/<name>" (header names lower-cased): path-level ones, overridden by the operation's. */
function parametersOf(document: Json, operation: Operation): Map<string, boolean> {
  const parameters = new Map<string, boolean>();
  const lists = [getAtPointer(document, joinPointer('', 'paths', operation.path, 'parameters')), getAtPointer(document, joinPointer(operation.pointer, 'parameters'))];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const { schema: parameter } = resolveRef(document, entry);
      if (!isObject(parameter) || typeof parameter.in !== 'string' || typeof parameter.name !== 'string') continue;
      // HTTP header names are case-insensitive: X-Request-Id and x-request-id are one parameter.
      const name = parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name;
      parameters.set(`${parameter.in}/${name}`, parameter.in === 'path' || parameter.required === true);
    }
  }
  return parameters;
}

/** New, removed, and required/optional request parameters; `where` is /parameters/<in>/<name>, a header's name lower-cased. */
export function diffParameters(changes: ChangeList, documents: { base: Json; revision: Json }, base: Operation, revision: Operation): void {
  const before = parametersOf(documents.base, base);
  const after = parametersOf(documents.revision, revision);
  const add = (id: Parameters<ChangeList['add']>[0], key: string) => changes.add(id, { operation: revision.key, status: null, where: `/parameters/${key}` });
  for (const [key, required] of after) {
    const was = before.get(key);
    if (was === undefined) add(required ? 'new-required-request-parameter' : 'new-optional-request-parameter', key);
    else if (was && !required) add('request-parameter-became-optional', key);
    else if (!was && required) add('request-parameter-became-required', key);
  }
  for (const key of before.keys()) if (!after.has(key)) add('request-parameter-removed', key);
}
