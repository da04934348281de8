import { NO_FACTS, type ResponseCheck } from './check.ts';

/**
 * response-media-type-undocumented: a body whose Content-Type the document does not list for that
 * status (HTML error pages, text/plain where JSON is documented), or a body with no Content-Type at all.
 */
export const mediaTypeDocumented: ResponseCheck = {
  ids: ['response-media-type-undocumented'],
  check: ({ documented, contentType, response }) => {
    if (!documented) return NO_FACTS;
    if (contentType !== null && documented.content.some((c) => mediaMatches(c.mediaType, contentType))) return NO_FACTS;
    if (contentType === null && response.body.length === 0) return NO_FACTS;
    const listed = documented.content.map((c) => c.mediaType).join(', ');
    return [{ id: 'response-media-type-undocumented', expected: listed || 'no body', observed: contentType ?? '(no Content-Type)' }];
  },
};

function mediaMatches(documented: string, actual: string): boolean {
  return documented === actual || documented === '*/*' || (documented.endsWith('/*') && actual.startsWith(documented.slice(0, -1)));
}
