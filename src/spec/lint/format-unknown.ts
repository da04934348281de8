import { isObject } from '../walk.ts';
import { NO_DEFECTS, schemaAt, type SiteRule } from './context.ts';

/** spec-format-unknown: a format no validator exists for; it is dropped rather than guessed at. */
export const formatUnknown: SiteRule = {
  ids: ['spec-format-unknown'],
  check: ({ site, lint }) => {
    const schema = schemaAt(site);
    if (!isObject(schema) || !('format' in schema)) return NO_DEFECTS;
    if (typeof schema.format === 'string' && lint.knownFormats.has(schema.format)) return NO_DEFECTS;
    const observed = String(schema.format);
    delete schema.format;
    return [{ id: 'spec-format-unknown', pointer: `${site.pointer}/format`, observed }];
  },
};
