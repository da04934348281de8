import { getAtPointer } from '../../json/pointer.ts';
import { isObject } from '../walk.ts';
import { schemaAt, type SiteRule } from './context.ts';

/** spec-ref-unresolved: a $ref to nothing (after bundling, every resolvable ref is internal). */
export const refUnresolved: SiteRule = (site, context) => {
  const schema = schemaAt(site);
  if (!isObject(schema) || !('$ref' in schema)) return;
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#') && getAtPointer(context.document, ref) !== undefined) return;
  context.report('spec-ref-unresolved', `${site.pointer}/$ref`, { observed: String(ref) });
  delete schema.$ref;
};
