import { interceptors, type Dispatcher, type RetryHandler } from 'undici';
import { transportCodeOf } from './errors.ts';
import { relay } from './relay.ts';
import { retryDelayMs, type FailedTry } from './retry-policy.ts';
import type { RetrySettings } from './settings.ts';
import { traceOf } from './trace.ts';

/**
 * undici's retry interceptor driven by our policy. throwOnError: false makes it hand over the last
 * response (the final 429 or 503) instead of throwing once retries run out.
 */
export function retrying(settings: RetrySettings): Dispatcher.DispatcherComposeInterceptor {
  const undiciRetry = interceptors.retry({ throwOnError: false, retry: decideRetry(settings) });
  return (dispatch) => {
    const retryingDispatch = undiciRetry(dispatch);
    return (options, handler) => {
      const trace = traceOf(options);
      trace.responseDelivered = false;
      const marking = relay(handler, (controller, status, headers, message) => {
        trace.responseDelivered = true;
        handler.onResponseStart?.(controller, status, headers, message);
      });
      return retryingDispatch(options, marking);
    };
  };
}

function decideRetry(settings: RetrySettings): RetryHandler.RetryCallback {
  return (error, { opts }, done) => {
    const trace = traceOf(opts);
    const failed = failedTry(error, opts.method, trace.responseDelivered);
    const delayMs = retryDelayMs(failed, trace.retries, settings, Date.now());
    // Give up synchronously: handing the response over can throw (the redirect guard does), and that
    // error must reach undici's catch around this call, not escape from a timer.
    if (delayMs === null) return done(error);
    trace.retries += 1;
    setTimeout(() => done(null), delayMs);
  };
}

/** How undici's RequestRetryError (code UND_ERR_REQ_RETRY) carries a response whose status may be retried. */
interface StatusFailure {
  code?: string;
  statusCode?: number;
  headers?: Record<string, string | string[] | undefined>;
}

function failedTry(error: Error, method: string, responseDelivered: boolean): FailedTry {
  const { code, statusCode, headers } = error as Error & StatusFailure;
  if (code === 'UND_ERR_REQ_RETRY' && statusCode !== undefined) {
    const retryAfter = headers?.['retry-after'];
    return { kind: 'status', method, status: statusCode, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter };
  }
  return { kind: 'transport', method, code: transportCodeOf(error), responseDelivered };
}
