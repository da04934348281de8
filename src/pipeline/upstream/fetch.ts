import { createHash } from 'node:crypto';
import { createHttpClient, type HttpClientOptions } from '../../http/index.ts';
import { displayUrl, type VendorUpstream } from '../../vendors/index.ts';

/** The upstream document as fetched: its text, and the SHA-256 of its bytes (the provenance's content hash). */
export interface FetchedUpstream {
  text: string;
  sha256: string;
  retrievedAt: string;
}

const ACCEPT: Record<VendorUpstream['format'], string> = {
  openapi: 'application/yaml, application/json;q=0.9, text/yaml;q=0.9, text/plain;q=0.5, */*;q=0.1',
  page: 'text/markdown, text/plain;q=0.9, text/html;q=0.5, */*;q=0.1',
};

/**
 * One GET of the vendor's published document with the client every run uses (timeouts, retries, the
 * body cap), without credentials or vendor headers. Redirects are not followed: a hop could lead to
 * a production host, so a moved document is reported for its URL to be updated. Never throws: a
 * failure is the reason in words.
 */
export async function fetchUpstream(upstream: VendorUpstream, http: HttpClientOptions): Promise<FetchedUpstream | { unreachable: string }> {
  const client = createHttpClient({ ...http, maxRedirects: 0, concurrency: 1 });
  try {
    const retrievedAt = new Date().toISOString();
    const exchange = await client.send({ method: 'GET', url: upstream.url, headers: { accept: ACCEPT[upstream.format] } });
    if (exchange.outcome === 'transport-error') return { unreachable: `${exchange.code}: ${exchange.message}` };
    const { status } = exchange;
    if (status >= 300 && status < 400) {
      const location = exchange.headers.location;
      return { unreachable: `HTTP ${status}, redirected${location ? ` to ${JSON.stringify(displayUrl(location).slice(0, 200))}` : ''}; redirects are not followed: name the document's own URL in upstream.url` };
    }
    if (status < 200 || status >= 300) return { unreachable: `HTTP ${status}` };
    if (exchange.truncated) return { unreachable: `the document is larger than ${exchange.body.length} bytes (CONFORM_MAX_BODY_BYTES)` };
    return { text: Buffer.from(exchange.body).toString('utf8'), sha256: createHash('sha256').update(exchange.body).digest('hex'), retrievedAt };
  } finally {
    await client.close();
  }
}
