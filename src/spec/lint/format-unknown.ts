import { isObject } from '../walk.ts';
import { schemaAt, type SiteRule } from './context.ts';

/** spec-format-unknown: a format no validator exists for; it is dropped rather than guessed at. */
export const formatUnknown: SiteRule = (site, context) => {
  const schema = schemaAt(site);
  if (!isObject(schema) || !('format' in schema)) return;
  if (typeof schema.format === 'string' && context.knownFormats.has(schema.format)) return;
  context.report('spec-format-unknown', `${site.pointer}/format`, { observed: String(schema.format) });
  delete schema.format;
};
