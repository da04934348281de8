/**
 * What the interceptors learn about one send(). It rides in the dispatch options under a symbol: undici
 * copies unknown options through every layer (request API, redirect, retry), so the layers record into
 * the same object and send() reads it once the exchange is over.
 */
export interface RequestTrace {
  /** Every URL requested, in order: the caller's, then each redirect target. */
  readonly urls: string[];
  /** Set once a hop goes to another origin; credentials stay stripped for the rest of the chain. */
  leftOrigin: boolean;
  /** Retries made so far, over all hops. */
  retries: number;
  /** The retry layer has passed the current hop's response on: a later socket error is not retried. */
  responseDelivered: boolean;
}

export const kTrace = Symbol('conform.http.trace');

export interface Traced {
  [kTrace]: RequestTrace;
}

export function newTrace(): RequestTrace {
  return { urls: [], leftOrigin: false, retries: 0, responseDelivered: false };
}

export function traceOf(dispatchOptions: object): RequestTrace {
  const trace = (dispatchOptions as Partial<Traced>)[kTrace];
  if (trace === undefined) {
    // The composed agent is private to client.ts, whose send() always attaches one.
    throw new Error('request dispatched without a trace');
  }
  return trace;
}
