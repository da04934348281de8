import { joinPointer } from '../../json/index.ts';
import type { LoadedSpec } from '../types.ts';
import { isObject } from '../walk.ts';
import type { ChangeList } from './change.ts';

/** Document-level server URLs added and removed (oasdiff does not compare them). */
export function diffServers(changes: ChangeList, base: LoadedSpec, revision: LoadedSpec): void {
  const facts = (url: string) => ({ operation: null, status: null, where: '/servers', value: url });
  for (const url of base.servers) if (!revision.servers.includes(url)) changes.add('api-server-removed', facts(url));
  for (const url of revision.servers) if (!base.servers.includes(url)) changes.add('api-server-added', facts(url));
}

/** Schemas removed from components.schemas. */
export function diffComponents(changes: ChangeList, base: LoadedSpec, revision: LoadedSpec): void {
  const before = schemaNames(base);
  const after = new Set(schemaNames(revision));
  for (const name of before) {
    if (!after.has(name)) changes.add('api-schema-removed', { operation: null, status: null, where: joinPointer('', 'components', 'schemas', name) });
  }
}

function schemaNames(spec: LoadedSpec): string[] {
  const components = spec.document.components;
  return isObject(components) && isObject(components.schemas) ? Object.keys(components.schemas) : [];
}
