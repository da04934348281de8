import { interceptors, type Dispatcher } from 'undici';
import { withoutCredentials } from './credentials.ts';
import { HttpLayerError } from './errors.ts';
import { relay } from './relay.ts';
import { traceOf, type RequestTrace } from './trace.ts';

const followingMethods = new Set(['GET', 'HEAD']);
// The statuses undici's redirect handler follows.
const redirectStatuses = new Set([300, 301, 302, 303, 307, 308]);

/**
 * undici's redirect interceptor, for GET and HEAD only, over a guard that sees every hop. undici strips
 * Authorization, Proxy-Authorization and Cookie on a cross-origin hop but knows nothing of API-key
 * headers, reports a loop with an uncoded error, and hands back the last 3xx when the chain is too long.
 */
export function redirecting(maxRedirects: number): Dispatcher.DispatcherComposeInterceptor {
  const undiciRedirect = interceptors.redirect({ maxRedirections: maxRedirects });
  return (dispatch) => {
    if (maxRedirects === 0) return dispatch;
    const followingDispatch = undiciRedirect(guardHops(dispatch, maxRedirects));
    return (options, handler) =>
      followingMethods.has(options.method) ? followingDispatch(options, handler) : dispatch(options, handler);
  };
}

/** Sits under undici's redirect handler, which dispatches each hop through it. */
function guardHops(dispatch: Dispatcher.Dispatch, maxRedirects: number): Dispatcher.Dispatch {
  return (options, handler) => {
    const trace = traceOf(options);
    const hopUrl = new URL(options.path, String(options.origin));
    // The first hop is the chain's origin: only a later hop's URL is compared (and parsed) against it.
    const firstUrl = trace.urls[0];
    trace.urls.push(hopUrl.href);
    // Sticky: a chain that leaves the origin and comes back does not get its credentials back.
    trace.leftOrigin ||= firstUrl !== undefined && hopUrl.origin !== new URL(firstUrl).origin;
    const headers = trace.leftOrigin ? withoutCredentials(options.headers) : options.headers;
    const guarded = relay(handler, (controller, status, responseHeaders, message) => {
      refuseOverlongChain(trace, hopUrl, status, responseHeaders.location, maxRedirects);
      handler.onResponseStart?.(controller, status, responseHeaders, message);
    });
    return dispatch({ ...options, headers }, guarded);
  };
}

// Throwing here is what undici's own redirect handler does: undici aborts the request with the error.
function refuseOverlongChain(
  trace: RequestTrace,
  hopUrl: URL,
  status: number,
  location: string | string[] | undefined,
  maxRedirects: number,
): void {
  const target = Array.isArray(location) ? location[0] : location;
  if (!redirectStatuses.has(status) || target === undefined) return;
  if (trace.urls.length > maxRedirects) {
    throw new HttpLayerError('CONFORM_REDIRECT_LIMIT', `more than ${maxRedirects} redirects`);
  }
  const next = new URL(target, hopUrl);
  next.hash = '';
  if (trace.urls.includes(next.href)) {
    throw new HttpLayerError('CONFORM_REDIRECT_LIMIT', `redirect loop after ${trace.urls.length} requests`);
  }
}
