import type { Dispatcher } from 'undici';

type Handler = Dispatcher.DispatchHandler;
type ResponseStart = NonNullable<Handler['onResponseStart']>;

/**
 * A handler that passes every callback on to `next`, except onResponseStart, which goes to `onResponseStart`
 * (the one callback the interceptors here change; undici's own DecoratorHandler is deprecated). A class:
 * one object per request, its methods shared, where an object of six fresh closures was built per request.
 */
class Relay implements Handler {
  constructor(
    private readonly next: Handler,
    readonly onResponseStart: ResponseStart,
  ) {}

  onRequestStart(...args: Parameters<NonNullable<Handler['onRequestStart']>>) {
    return this.next.onRequestStart?.(...args);
  }

  onRequestUpgrade(...args: Parameters<NonNullable<Handler['onRequestUpgrade']>>) {
    return this.next.onRequestUpgrade?.(...args);
  }

  onResponseData(...args: Parameters<NonNullable<Handler['onResponseData']>>) {
    return this.next.onResponseData?.(...args);
  }

  onResponseEnd(...args: Parameters<NonNullable<Handler['onResponseEnd']>>) {
    return this.next.onResponseEnd?.(...args);
  }

  onResponseError(...args: Parameters<NonNullable<Handler['onResponseError']>>) {
    return this.next.onResponseError?.(...args);
  }
}

export function relay(next: Handler, onResponseStart: ResponseStart): Handler {
  return new Relay(next, onResponseStart);
}
