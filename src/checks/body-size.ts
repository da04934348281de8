import { NO_FACTS, type ResponseCheck } from './check.ts';

/** response-body-too-large: the client stopped reading at the size cap, so the body was not checked. */
export const bodySize: ResponseCheck = {
  ids: ['response-body-too-large'],
  check: ({ response }) =>
    response.truncated ? [{ id: 'response-body-too-large', expected: `${response.body.length} bytes`, observed: 'cut at the cap' }] : NO_FACTS,
};
