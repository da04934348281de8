import type { Reply } from '../server.ts';

function xenditError(status: number, errorCode: string, message: string, errors?: string[]): Reply {
  return { status, body: errors ? { error_code: errorCode, message, errors } : { error_code: errorCode, message } };
}

// Xendit's error shape is {error_code, message}, with errors[] on validation and not-found answers.
// The documented 404 example speaks of a "payout" (a copy-paste slip in the page); the sandbox keeps the
// documented shape and code but names the account.
export const xenditErrors = {
  invalidId: () =>
    xenditError(400, 'API_VALIDATION_ERROR', 'Invalid request parameters', ['"id" must be a 24-character hexadecimal string']),
  invalidApiKey: () => xenditError(401, 'INVALID_API_KEY', 'API key is invalid'),
  accountNotFound: () =>
    xenditError(404, 'DATA_NOT_FOUND', 'Could not find account with the corresponding ID. Please try again with a valid ID.', [
      'No account exists with the given id',
    ]),
  routeNotFound: () => xenditError(404, 'NOT_FOUND', 'The requested resource was not found'),
  methodNotAllowed: () => xenditError(405, 'METHOD_NOT_ALLOWED', 'The requested method is not allowed on this resource'),
  tooManyRequests: () => xenditError(429, 'RATE_LIMIT_EXCEEDED', 'You have exceeded the rate limit. Please retry later.'),
  internal: () => xenditError(500, 'SERVER_ERROR', 'An unexpected error occurred, our team has been notified'),
};
