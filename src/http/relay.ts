import type { Dispatcher } from 'undici';

type Handler = Dispatcher.DispatchHandler;

/**
 * A handler that passes every callback on to `next`, except the ones given in `overrides`. The
 * interceptors here each change one callback; undici's own DecoratorHandler is deprecated.
 */
export function relay(next: Handler, overrides: Partial<Handler>): Handler {
  return {
    onRequestStart: (controller, context) => next.onRequestStart?.(controller, context),
    onRequestUpgrade: (controller, status, headers, socket) => next.onRequestUpgrade?.(controller, status, headers, socket),
    onResponseStart: (controller, status, headers, message) => next.onResponseStart?.(controller, status, headers, message),
    onResponseData: (controller, chunk) => next.onResponseData?.(controller, chunk),
    onResponseEnd: (controller, trailers) => next.onResponseEnd?.(controller, trailers),
    onResponseError: (controller, error) => next.onResponseError?.(controller, error),
    ...overrides,
  };
}
