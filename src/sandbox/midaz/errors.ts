import type { Reply } from '../server.ts';

function midazError(status: number, code: string, title: string, message: string): Reply {
  return { status, body: { code, title, message } };
}

// Codes, titles and messages are the documented examples (0065 with its {{parameter_name}} filled in).
// Midaz's catalogue in the documents has no code for an unknown route, a wrong method or a rate limit;
// for those the sandbox uses the HTTP status as the code.
export const midazErrors = {
  invalidPathParameter: (parameterName: string) =>
    midazError(
      400,
      '0065',
      'Invalid Path Parameter',
      `The provided path parameter ${parameterName} is not in the expected format. Please ensure the parameter adheres to the required format and try again.`,
    ),
  tokenMissing: () =>
    midazError(401, '0041', 'Token Missing', 'A valid token must be provided in the request header. Please include a token and try again.'),
  invalidToken: () =>
    midazError(
      401,
      '0042',
      'Invalid Token',
      'The provided token is expired, invalid or malformed. Please provide a valid token and try again.',
    ),
  entityNotFound: () =>
    midazError(
      404,
      '0007',
      'Entity Not Found',
      'No entity was found for the given ID. Please make sure to use the correct ID for the entity you are trying to manage.',
    ),
  ledgerNotFound: () =>
    midazError(
      404,
      '0037',
      'Ledger ID Not Found',
      'The provided ledger ID does not exist in our records. Please verify the ledger ID and try again.',
    ),
  organizationNotFound: () =>
    midazError(
      404,
      '0038',
      'Organization ID Not Found',
      'The provided organization ID does not exist in our records. Please verify the organization ID and try again.',
    ),
  routeNotFound: () => midazError(404, '404', 'Route Not Found', 'The requested route does not exist. Please check the path and try again.'),
  methodNotAllowed: () =>
    midazError(405, '405', 'Method Not Allowed', 'The requested method is not allowed on this route. Please use GET and try again.'),
  tooManyRequests: () => midazError(429, '429', 'Too Many Requests', 'The request rate limit was exceeded. Please wait and try again.'),
  internal: () =>
    midazError(
      500,
      '0046',
      'Internal Server Error',
      'The server encountered an unexpected error. Please try again later or contact support.',
    ),
};
