import { getAtPointer } from '../../json/index.ts';
import type { LoadedSpec, Operation } from '../types.ts';
import { isObject } from '../walk.ts';
import type { ChangeList } from './change.ts';

const isDeprecated = (spec: LoadedSpec, operation: Operation) => {
  const object = getAtPointer(spec.document, operation.pointer);
  return isObject(object) && object.deprecated === true;
};

/**
 * Pairs operations by "METHOD /path" as written (a renamed path parameter is another path) and reports
 * the ones added, removed and newly deprecated. Returns the pairs present in both, for the finer diffs.
 */
export function diffEndpoints(changes: ChangeList, base: LoadedSpec, revision: LoadedSpec): Array<[Operation, Operation]> {
  const after = new Map(revision.operations.map((operation) => [operation.key, operation]));
  const before = new Map(base.operations.map((operation) => [operation.key, operation]));
  const revisionPaths = new Set(revision.operations.map((operation) => operation.path));
  const pairs: Array<[Operation, Operation]> = [];
  const endpoint = (operation: Operation) => ({ operation: operation.key, status: null, where: null });

  for (const operation of base.operations) {
    const next = after.get(operation.key);
    if (next) {
      pairs.push([operation, next]);
      if (!isDeprecated(base, operation) && isDeprecated(revision, next)) changes.add('endpoint-deprecated', endpoint(operation));
      continue;
    }
    const deprecated = isDeprecated(base, operation);
    if (revisionPaths.has(operation.path)) changes.add(deprecated ? 'api-removed-with-deprecation' : 'api-removed-without-deprecation', endpoint(operation));
    else changes.add(deprecated ? 'api-path-removed-with-deprecation' : 'api-path-removed-without-deprecation', endpoint(operation));
  }
  for (const operation of revision.operations) if (!before.has(operation.key)) changes.add('endpoint-added', endpoint(operation));
  return pairs;
}
