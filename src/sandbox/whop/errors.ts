import type { Reply } from '../server.ts';

interface WhopErrorBody {
  type: string;
  message: string;
  code?: string | null;
  param?: string | null;
}

function whopError(status: number, error: WhopErrorBody): Reply {
  return { status, body: { error } };
}

// 401, 403 and 404 bodies are the documented examples verbatim; 400 follows its documented example's form.
export const whopErrors = {
  invalidId: () =>
    whopError(400, {
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      message: 'Invalid parameter: id. Expected a ledger account ID (ldgr_xxx), user ID (user_xxx) or company ID (biz_xxx).',
      param: 'id',
    }),
  unauthorized: () => whopError(401, { type: 'unauthorized', message: 'Invalid or missing API key' }),
  forbidden: () => whopError(403, { type: 'forbidden', message: 'You do not have permission to access this resource' }),
  notFound: () => whopError(404, { type: 'not_found', message: 'Resource not found' }),
  methodNotAllowed: () =>
    whopError(405, { type: 'invalid_request_error', code: 'method_not_allowed', message: 'Method not allowed', param: null }),
  tooManyRequests: () => whopError(429, { type: 'rate_limit_exceeded', message: 'Too many requests. Please retry later.' }),
  internal: () => whopError(500, { type: 'internal_server_error', message: 'An unexpected error occurred' }),
};
