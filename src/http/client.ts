import { Agent } from 'undici';
import { resetAwareConnector } from './connector.ts';
import { exchange } from './exchange.ts';
import { redirecting } from './redirects.ts';
import { retrying } from './retry.ts';
import { createPacer } from './pacer.ts';
import { createSemaphore } from './semaphore.ts';
import { resolveSettings } from './settings.ts';
import type { HttpClient, HttpClientOptions } from './types.ts';

/** The one HTTP client every vendor request goes through: one undici Agent, composed once. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const settings = resolveSettings(options);
  const agent = new Agent({
    connect: resetAwareConnector(settings.connectTimeoutMs),
    headersTimeout: settings.headersTimeoutMs,
    bodyTimeout: settings.bodyTimeoutMs,
  });
  // compose() wraps right over left: redirects are outermost, so each hop is retried on its own.
  const dispatcher = agent.compose(retrying(settings.retry), redirecting(settings.maxRedirects));
  // A slot is held for the whole exchange, retry waits and body included: that is what a vendor's
  // rate limit counts as in flight.
  const slots = createSemaphore(settings.concurrency);
  const pacer = settings.ratePerSecond === null ? null : createPacer(settings.ratePerSecond);
  return {
    send: (request) =>
      slots.run(async () => {
        await pacer?.turn();
        return exchange(dispatcher, request, settings);
      }),
    close: () => agent.close(),
  };
}
