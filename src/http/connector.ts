import { buildConnector } from 'undici';

/** The code a reset socket reports instead of ECONNRESET; errors.ts maps it to CONNECTION_RESET. */
export const RESET_CODE = 'CONFORM_CONNECTION_RESET';

/**
 * undici's connector, with one change: undici takes a connection reset during a body that runs until
 * the connection closes (no Content-Length, not chunked) for the body's end, and hands on whatever
 * arrived as a complete response. A reset is not an end: renamed before undici sees it, it fails the
 * request like any other socket error, and the exchange is a transport error. A body that ends with
 * an orderly close is still complete.
 */
export function resetAwareConnector(connectTimeoutMs: number): buildConnector.connector {
  const connect = buildConnector({ timeout: connectTimeoutMs });
  return (options, callback) =>
    connect(options, (error, socket) => {
      socket?.prependListener('error', (socketError: NodeJS.ErrnoException) => {
        if (socketError.code === 'ECONNRESET') socketError.code = RESET_CODE;
      });
      // The callback's two forms (error, or socket) as undici declares them.
      if (error) callback(error, null);
      else callback(null, socket!);
    });
}
