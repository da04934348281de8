import { RetryHandler, type Dispatcher } from 'undici';
import { transportCodeOf } from './errors.ts';
import { mayRetryStatus, retryDelayMs, type FailedTry } from './retry-policy.ts';
import type { RetrySettings } from './settings.ts';
import { traceOf, type RequestTrace } from './trace.ts';

type Handler = Dispatcher.DispatchHandler;
type ResponseStartArgs = Parameters<NonNullable<Handler['onResponseStart']>>;

/**
 * undici's retry handler driven by our policy. throwOnError: false makes it hand over the last
 * response (the final 429 or 503) instead of throwing once retries run out.
 */
export function retrying(settings: RetrySettings): Dispatcher.DispatcherComposeInterceptor {
  const retryOptions: RetryHandler.RetryOptions = { throwOnError: false, retry: decideRetry(settings) };
  return (dispatch) => (options, handler) =>
    dispatch(options, new PolicyRetryHandler({ ...options, retryOptions }, { dispatch, handler }, settings));
}

/** The RetryHandler fields (undici 7.30, pinned) that its own answer to a status >= 300 uses. */
interface RetryHandlerState {
  error: Error | null;
  headersSent: boolean;
  handler: Handler;
  controllerProxy: Dispatcher.DispatchController;
  onResponseStart(...args: ResponseStartArgs): void;
}

// undici's types declare none of RetryHandler's handler methods.
const undiciResponseStart = (RetryHandler.prototype as unknown as RetryHandlerState).onResponseStart;

/**
 * undici builds a RequestRetryError, stack trace included, for every status >= 300 before asking
 * whether to retry it. An answer the policy can never retry (a 404, a 3xx, a POST's 503) is passed on
 * here without one, as undici does once its retry callback gives up.
 */
class PolicyRetryHandler extends RetryHandler {
  readonly #trace: RequestTrace;
  readonly #method: string;
  readonly #settings: RetrySettings;

  constructor(
    options: Dispatcher.DispatchOptions & { retryOptions: RetryHandler.RetryOptions },
    handlers: RetryHandler.RetryHandlers,
    settings: RetrySettings,
  ) {
    super(options, handlers);
    this.#trace = traceOf(options);
    this.#trace.responseDelivered = false;
    this.#method = options.method;
    this.#settings = settings;
  }

  onResponseStart(...[controller, status, headers, message]: ResponseStartArgs): void {
    const state = this as unknown as RetryHandlerState;
    const final = status >= 300 && !state.headersSent && !mayRetryStatus(this.#method, status, this.#trace.retries, this.#settings);
    if (!final) {
      // Marked before undici hands a 2xx on: if handing it on throws, the socket error that follows
      // must not be retried.
      if (status < 300) this.#trace.responseDelivered = true;
      return undiciResponseStart.call(this, controller, status, headers, message);
    }
    // Left from a retried earlier try, the error would make undici drop this body and retry at its end.
    state.error = null;
    // undici passes any later error of a handed-on response straight on, unretried.
    state.headersSent = true;
    state.handler.onResponseStart?.(state.controllerProxy, status, headers, message);
  }
}

function decideRetry(settings: RetrySettings): RetryHandler.RetryCallback {
  return (error, { opts }, done) => {
    const trace = traceOf(opts);
    const failed = failedTry(error, opts.method, trace.responseDelivered);
    const delayMs = retryDelayMs(failed, trace.retries, settings, Date.now());
    // Give up synchronously: handing the response over can throw (the redirect guard does), and that
    // error must reach undici's catch around this call, not escape from a timer.
    if (delayMs === null) {
      // Giving up on a status hands its response on.
      if (failed.kind === 'status') trace.responseDelivered = true;
      return done(error);
    }
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
