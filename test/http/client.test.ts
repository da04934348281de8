import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { createHttpClient, type Exchange, type HttpClient, type HttpClientOptions } from '../../src/http/index.ts';

type Handle = (request: IncomingMessage, response: ServerResponse) => void;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A real server on 127.0.0.1, port 0; closed (with any hanging connections) after the test. */
async function serve(handle: Handle): Promise<string> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** An origin nothing listens on: a port that was just free. */
async function refusingOrigin(): Promise<string> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** Retries wait 10, 20, 40 ms, so the retry tests stay fast. */
function client(options: HttpClientOptions = {}): HttpClient {
  const created = createHttpClient({ ...options, retry: { minDelayMs: 10, maxDelayMs: 40, ...options.retry } });
  cleanups.push(() => created.close());
  return created;
}

function response(exchange: Exchange): Extract<Exchange, { outcome: 'response' }> {
  if (exchange.outcome !== 'response') throw new Error(`expected a response, got ${exchange.code}: ${exchange.message}`);
  return exchange;
}

function transportError(exchange: Exchange): Extract<Exchange, { outcome: 'transport-error' }> {
  if (exchange.outcome !== 'transport-error') throw new Error(`expected a transport error, got status ${exchange.status}`);
  return exchange;
}

const text = (exchange: Exchange): string => Buffer.from(response(exchange).body).toString('utf8');

/** Counts the requests per path; `answer` gets the count (1 for the first) to script a sequence. */
async function scripted(answer: (count: number, request: IncomingMessage, response: ServerResponse) => void) {
  const hits = new Map<string, number>();
  const origin = await serve((request, res) => {
    const count = (hits.get(request.url ?? '') ?? 0) + 1;
    hits.set(request.url ?? '', count);
    answer(count, request, res);
  });
  return { origin, hits: (path: string) => hits.get(path) ?? 0 };
}

describe('responses', () => {
  test('a plain JSON 200 comes back as a response with its body, in one attempt', async () => {
    const origin = await serve((_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"acc_1"}');
    });
    const exchange = response(await client().send({ method: 'GET', url: `${origin}/accounts/acc_1` }));
    expect(exchange).toMatchObject({ status: 200, truncated: false, decodedFrom: null, attempts: 1, redirects: [] });
    expect(JSON.parse(text(exchange))).toEqual({ id: 'acc_1' });
    expect(exchange.headers['content-type']).toBe('application/json');
  });

  test('header names are lower-cased and repeated headers are joined with a comma', async () => {
    const origin = await serve((_request, res) => {
      res.setHeader('X-Request-ID', 'req-9');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.end();
    });
    const { headers } = response(await client().send({ method: 'GET', url: origin }));
    expect(headers['x-request-id']).toBe('req-9');
    expect(headers['set-cookie']).toBe('a=1, b=2');
    expect(Object.keys(headers).every((name) => name === name.toLowerCase())).toBe(true);
  });

  test('a 404 is a response, not an error', async () => {
    const origin = await serve((_request, res) => res.writeHead(404).end('{"error":"not_found"}'));
    const exchange = response(await client().send({ method: 'GET', url: `${origin}/missing` }));
    expect(exchange.status).toBe(404);
    expect(text(exchange)).toBe('{"error":"not_found"}');
  });

  test('a URL that is not absolute http(s) is INVALID_URL, and nothing is sent', async () => {
    const exchange = transportError(await client().send({ method: 'GET', url: '/relative/path' }));
    expect(exchange).toMatchObject({ code: 'INVALID_URL', attempts: 0 });
  });
});

describe('transport errors', () => {
  test('a refused connection is CONNECTION_REFUSED, after the retries', async () => {
    const exchange = transportError(await client().send({ method: 'GET', url: await refusingOrigin() }));
    expect(exchange).toMatchObject({ code: 'CONNECTION_REFUSED', attempts: 3 });
  });

  test('a server that closes the socket before the headers gives a transport error', async () => {
    const origin = await serve((request) => request.socket.destroy());
    const exchange = transportError(await client().send({ method: 'GET', url: origin }));
    expect(exchange.code).toBe('SOCKET_CLOSED');
  });

  test('a server that never answers gives HEADERS_TIMEOUT, without retries', async () => {
    const origin = await serve(() => {});
    const exchange = transportError(await client({ headersTimeoutMs: 200 }).send({ method: 'GET', url: origin }));
    expect(exchange).toMatchObject({ code: 'HEADERS_TIMEOUT', attempts: 1 });
  });

  test('a body that stalls half-way gives BODY_TIMEOUT', async () => {
    const origin = await serve((_request, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('x'.repeat(10));
    });
    const exchange = transportError(await client({ bodyTimeoutMs: 200 }).send({ method: 'GET', url: origin }));
    expect(exchange.code).toBe('BODY_TIMEOUT');
  });

  // A 404 takes the retry layer's other path: handed on at once, as an answer never retried.
  test.each([200, 404])('a connection reset mid-body of a %i is a transport error and is not retried', async (status) => {
    const server = await scripted((_count, request, res) => {
      res.writeHead(status, { 'content-length': '100' });
      res.write('x'.repeat(10), () => request.socket.resetAndDestroy());
    });
    const exchange = transportError(await client().send({ method: 'GET', url: `${server.origin}/big` }));
    // Whether the RST or the end of the stream reaches undici first is up to the kernel.
    expect(['CONNECTION_RESET', 'SOCKET_CLOSED']).toContain(exchange.code);
    expect(exchange.attempts).toBe(1);
    expect(server.hits('/big')).toBe(1);
  });
});

describe('retries', () => {
  test('503 twice then 200 gives the 200 after 3 attempts', async () => {
    const server = await scripted((count, _request, res) => res.writeHead(count <= 2 ? 503 : 200).end(`try ${count}`));
    const exchange = response(await client().send({ method: 'GET', url: `${server.origin}/flaky` }));
    expect(exchange).toMatchObject({ status: 200, attempts: 3 });
    expect(text(exchange)).toBe('try 3');
  });

  test('429 with Retry-After: 0 is retried', async () => {
    const server = await scripted((count, _request, res) => {
      if (count === 1) res.writeHead(429, { 'retry-after': '0' }).end();
      else res.writeHead(200).end();
    });
    const exchange = response(await client().send({ method: 'GET', url: `${server.origin}/limited` }));
    expect(exchange).toMatchObject({ status: 200, attempts: 2 });
  });

  test('a 503 with Retry-After waits what the vendor asked, not the backoff', async () => {
    const server = await scripted((count, _request, res) => res.writeHead(count === 1 ? 503 : 200, { 'retry-after': '0' }).end(`try ${count}`));
    // A backoff of a minute would outlast the test's timeout: only the Retry-After of 0 lets it finish.
    const patient = client({ retry: { minDelayMs: 60_000, maxDelayMs: 60_000 } });
    const exchange = response(await patient.send({ method: 'GET', url: `${server.origin}/later` }));
    expect(exchange).toMatchObject({ status: 200, attempts: 2 });
    expect(text(exchange)).toBe('try 2');
  });

  test.each([301, 400, 404, 409, 422, 501])('a %i is answered once, never retried, its body whole', async (status) => {
    const server = await scripted((count, _request, res) => res.writeHead(status).end(`answer ${count}`));
    const exchange = response(await client({ maxRedirects: 0 }).send({ method: 'GET', url: `${server.origin}/x` }));
    expect(exchange).toMatchObject({ status, attempts: 1 });
    expect(text(exchange)).toBe('answer 1');
    expect(server.hits('/x')).toBe(1);
  });

  test('a 503 on the last retry allowed is the answer, not a further try', async () => {
    const server = await scripted((count, _request, res) => res.writeHead(count === 1 ? 503 : 500).end(`try ${count}`));
    const exchange = response(await client({ retry: { maxRetries: 1 } }).send({ method: 'GET', url: `${server.origin}/x` }));
    expect(exchange).toMatchObject({ status: 500, attempts: 2 });
    expect(server.hits('/x')).toBe(2);
  });

  test('429 every time is UNAVAILABLE after maxRetries + 1 attempts: a throttled answer verifies nothing', async () => {
    const server = await scripted((count, _request, res) => res.writeHead(429, { 'retry-after': '0' }).end(`429 #${count}`));
    const exchange = transportError(await client({ retry: { maxRetries: 2 } }).send({ method: 'GET', url: `${server.origin}/busy` }));
    expect(exchange).toMatchObject({ code: 'UNAVAILABLE', message: 'the vendor answered 429 Too Many Requests (3 attempts)', attempts: 3 });
    expect(server.hits('/busy')).toBe(3);
  });

  test.each([408, 429, 502, 503, 504])('a final %i is UNAVAILABLE, not a response to check', async (status) => {
    const server = await scripted((_count, _request, res) => res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":"later"}'));
    const exchange = transportError(await client({ retry: { maxRetries: 1 } }).send({ method: 'GET', url: `${server.origin}/x` }));
    expect(exchange).toMatchObject({ code: 'UNAVAILABLE', attempts: 2 });
    expect(exchange.message).toMatch(new RegExp(`^the vendor answered ${status} `));
  });

  test('a 408 then a 200 gives the 200: a timed-out request is retried like any transient answer', async () => {
    const server = await scripted((count, _request, res) => res.writeHead(count === 1 ? 408 : 200).end(`try ${count}`));
    const exchange = response(await client().send({ method: 'GET', url: `${server.origin}/slow` }));
    expect(exchange).toMatchObject({ status: 200, attempts: 2 });
  });

  test("a final 500 is the API's own answer: a response, checked like any other", async () => {
    const server = await scripted((_count, _request, res) => res.writeHead(500).end('boom'));
    const exchange = response(await client({ retry: { maxRetries: 1 } }).send({ method: 'GET', url: `${server.origin}/broken` }));
    expect(exchange).toMatchObject({ status: 500, attempts: 2 });
  });

  test('a POST is not retried on 503', async () => {
    const server = await scripted((_count, request, res) => {
      request.resume();
      res.writeHead(503).end();
    });
    const exchange = transportError(await client().send({ method: 'POST', url: `${server.origin}/transfers` }));
    expect(exchange).toMatchObject({ code: 'UNAVAILABLE', attempts: 1 });
    expect(server.hits('/transfers')).toBe(1);
  });

  test('a 429 whose Retry-After is not waited for, reset mid-body, is not tried again', async () => {
    const server = await scripted((_count, request, res) => {
      res.writeHead(429, { 'retry-after': '3600', 'content-length': '100' });
      res.write('x'.repeat(10), () => request.socket.resetAndDestroy());
    });
    const exchange = transportError(await client({ retry: { maxRetryAfterMs: 1_000 } }).send({ method: 'GET', url: `${server.origin}/x` }));
    expect(exchange.attempts).toBe(1);
    expect(server.hits('/x')).toBe(1);
  });

  test('a Retry-After beyond maxRetryAfterMs is not waited for: the 429 ends the exchange at once', async () => {
    const server = await scripted((_count, _request, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    const exchange = transportError(
      await client({ retry: { maxRetryAfterMs: 1_000 } }).send({ method: 'GET', url: `${server.origin}/slow-down` }),
    );
    expect(exchange).toMatchObject({ code: 'UNAVAILABLE', attempts: 1 });
    expect(server.hits('/slow-down')).toBe(1);
  });
});

describe('a production target', () => {
  test.each(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'delete'])('is never sent %s: refused before any connection', async (method) => {
    const server = await scripted((_count, request, res) => {
      request.resume();
      res.writeHead(201).end();
    });
    const exchange = transportError(await client({ production: true }).send({ method, url: `${server.origin}/transfers`, headers: { authorization: 'Bearer sk_live_x' } }));
    expect(exchange).toMatchObject({ code: 'PRODUCTION_REFUSED', attempts: 0, message: `${method.toUpperCase()} is never sent to a production target` });
    expect(server.hits('/transfers')).toBe(0);
  });

  test('is sent GET and HEAD', async () => {
    const server = await scripted((_count, _request, res) => res.writeHead(200).end('ok'));
    const http = client({ production: true });
    expect(response(await http.send({ method: 'GET', url: `${server.origin}/a` })).status).toBe(200);
    expect(response(await http.send({ method: 'HEAD', url: `${server.origin}/a` })).status).toBe(200);
    expect(server.hits('/a')).toBe(2);
  });

  test('a target that is not production is sent a POST', async () => {
    const server = await scripted((_count, request, res) => {
      request.resume();
      res.writeHead(201).end();
    });
    expect(response(await client().send({ method: 'POST', url: `${server.origin}/transfers` })).status).toBe(201);
  });
});

describe('bodies', () => {
  const json = JSON.stringify({ balances: [{ currency: 'EUR', amount: '12.30' }] });
  const encoders = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };

  test.each(Object.keys(encoders) as Array<keyof typeof encoders>)(
    'a %s body is decoded and decodedFrom names the encoding',
    async (encoding) => {
      const origin = await serve((_request, res) => {
        res.writeHead(200, { 'content-encoding': encoding }).end(encoders[encoding](json));
      });
      const exchange = response(await client().send({ method: 'GET', url: origin }));
      expect(exchange).toMatchObject({ decodedFrom: encoding, truncated: false });
      expect(text(exchange)).toBe(json);
    },
  );

  test('a corrupt gzip body is DECODING', async () => {
    const origin = await serve((_request, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end('not gzip at all'));
    const exchange = transportError(await client().send({ method: 'GET', url: origin }));
    expect(exchange.code).toBe('DECODING');
  });

  test('an unsupported content-encoding is DECODING', async () => {
    const origin = await serve((_request, res) => res.writeHead(200, { 'content-encoding': 'compress' }).end('abc'));
    const exchange = transportError(await client().send({ method: 'GET', url: origin }));
    expect(exchange.code).toBe('DECODING');
  });

  test('a HEAD of a gzip resource has an empty body and nothing decoded', async () => {
    const origin = await serve((_request, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end());
    const exchange = response(await client().send({ method: 'HEAD', url: origin }));
    expect(exchange).toMatchObject({ status: 200, decodedFrom: null, truncated: false });
    expect(exchange.body.length).toBe(0);
  });

  test('a body over the cap is truncated to exactly maxBodyBytes', async () => {
    const origin = await serve((_request, res) => res.end('a'.repeat(50_000)));
    const exchange = response(await client({ maxBodyBytes: 1_000 }).send({ method: 'GET', url: origin }));
    expect(exchange.truncated).toBe(true);
    expect(exchange.body.length).toBe(1_000);
  });

  test('a body of exactly maxBodyBytes is not truncated', async () => {
    const origin = await serve((_request, res) => res.end('a'.repeat(1_000)));
    const exchange = response(await client({ maxBodyBytes: 1_000 }).send({ method: 'GET', url: origin }));
    expect(exchange).toMatchObject({ truncated: false });
    expect(exchange.body.length).toBe(1_000);
  });

  test('a zip bomb is cut at maxBodyBytes of decoded bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024));
    const origin = await serve((_request, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb));
    const exchange = response(await client({ maxBodyBytes: 64 * 1024 }).send({ method: 'GET', url: origin }));
    expect(exchange).toMatchObject({ truncated: true, decodedFrom: 'gzip' });
    expect(exchange.body.length).toBe(64 * 1024);
  });

  test('a compressed body bigger than the cap on the wire is cut there, keeping what decoded', async () => {
    const original = incompressible(200_000);
    const origin = await serve((_request, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(original)));
    const exchange = response(await client({ maxBodyBytes: 20_000 }).send({ method: 'GET', url: origin }));
    expect(exchange.truncated).toBe(true);
    expect(exchange.body.length).toBeLessThanOrEqual(20_000);
    expect(Buffer.from(exchange.body).equals(original.subarray(0, exchange.body.length))).toBe(true);
  });
});

describe('bodies that end when the connection closes (no Content-Length, not chunked)', () => {
  const whole = JSON.stringify({ id: 'acc_1', note: 'n'.repeat(5_000) });

  /** A raw server: the head, then `body`, then `ending` the connection. */
  async function closeDelimited(body: string, ending: 'close' | 'reset'): Promise<string> {
    const server = createNetServer((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n');
        if (ending === 'close') socket.end(body);
        // The reset waits until the partial body has surely left: a reset in the write's callback can go out as a plain close.
        else socket.write(body, () => setTimeout(() => socket.resetAndDestroy(), 20));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  test('an orderly close ends a complete body', async () => {
    const exchange = response(await client().send({ method: 'GET', url: await closeDelimited(whole, 'close') }));
    expect(exchange.truncated).toBe(false);
    expect(text(exchange)).toBe(whole);
  });

  test('one longer than the cap is truncated, not failed', async () => {
    const exchange = response(await client({ maxBodyBytes: 1_000 }).send({ method: 'GET', url: await closeDelimited(whole, 'close') }));
    expect(exchange).toMatchObject({ truncated: true });
    expect(exchange.body.length).toBe(1_000);
  });

  test('a reset half-way is CONNECTION_RESET, never a shorter body', async () => {
    const exchange = transportError(await client().send({ method: 'GET', url: await closeDelimited(whole.slice(0, 100), 'reset') }));
    expect(exchange).toMatchObject({ code: 'CONNECTION_RESET', attempts: 1 });
  });
});

describe('redirects', () => {
  const credentials = {
    authorization: 'Bearer sk_live_abc',
    'proxy-authorization': 'Basic cHJveHk6cHc=',
    cookie: 'session=s1',
    'x-api-key': 'key_123',
    'x-auth-token': 'tok_456',
  };

  /** A server that records the headers each path was requested with, and answers via `route`. */
  async function recording(route: (path: string, res: ServerResponse) => void) {
    const seen = new Map<string, IncomingHttpHeaders>();
    const origin = await serve((request, res) => {
      seen.set(request.url ?? '', request.headers);
      route(request.url ?? '', res);
    });
    return { origin, seen };
  }

  const redirect = (res: ServerResponse, location: string) => res.writeHead(302, { location }).end();

  test('a same-origin redirect keeps Authorization and lists the URL followed', async () => {
    const a = await recording((path, res) => (path === '/start' ? redirect(res, '/landing') : res.end('landed')));
    const exchange = response(
      await client().send({ method: 'GET', url: `${a.origin}/start`, headers: { ...credentials, accept: 'application/json' } }),
    );
    expect(exchange).toMatchObject({ status: 200, redirects: [`${a.origin}/landing`], attempts: 1 });
    expect(a.seen.get('/landing')).toMatchObject({ authorization: credentials.authorization, 'x-api-key': credentials['x-api-key'] });
  });

  test('a cross-origin redirect takes only headers known to carry no credential, however a vendor names its key', async () => {
    const b = await recording((_path, res) => res.end('landed on b'));
    const a = await recording((_path, res) => redirect(res, `${b.origin}/landing`));
    const exchange = response(
      await client().send({ method: 'GET', url: `${a.origin}/start`, headers: { ...credentials, 'x-acme-auth': 'acme-key-1', 'x-request-id': 'req-1', accept: 'application/json' } }),
    );
    expect(exchange).toMatchObject({ status: 200, redirects: [`${b.origin}/landing`] });
    const atB = b.seen.get('/landing') ?? {};
    for (const name of [...Object.keys(credentials), 'x-acme-auth', 'x-request-id']) expect(atB).not.toHaveProperty(name);
    expect(atB.accept).toBe('application/json');
  });

  test('credentials stay stripped when the chain comes back to the first origin', async () => {
    let aOrigin = '';
    const b = await recording((_path, res) => redirect(res, `${aOrigin}/final`));
    const a = await recording((path, res) => (path === '/start' ? redirect(res, `${b.origin}/bounce`) : res.end('final')));
    aOrigin = a.origin;
    const exchange = response(await client().send({ method: 'GET', url: `${a.origin}/start`, headers: credentials }));
    expect(exchange.redirects).toEqual([`${b.origin}/bounce`, `${a.origin}/final`]);
    expect(a.seen.get('/final')).not.toHaveProperty('authorization');
    expect(a.seen.get('/final')).not.toHaveProperty('x-api-key');
  });

  test('a redirect loop is REDIRECT_LIMIT', async () => {
    const a = await recording((_path, res) => redirect(res, '/loop'));
    const exchange = transportError(await client().send({ method: 'GET', url: `${a.origin}/loop` }));
    expect(exchange.code).toBe('REDIRECT_LIMIT');
  });

  test('a chain of maxRedirects hops is followed; one hop more is REDIRECT_LIMIT', async () => {
    // /hop/N redirects to /hop/N+1 until N reaches the end given in the query.
    const a = await recording((path, res) => {
      const [, hop, end] = /^\/hop\/(\d+)\?end=(\d+)$/.exec(path) ?? [];
      if (hop === end) res.end('done');
      else redirect(res, `/hop/${Number(hop) + 1}?end=${end}`);
    });
    const http = client({ maxRedirects: 3 });
    const followed = response(await http.send({ method: 'GET', url: `${a.origin}/hop/0?end=3` }));
    expect(followed.redirects).toHaveLength(3);
    const tooLong = transportError(await http.send({ method: 'GET', url: `${a.origin}/hop/0?end=4` }));
    expect(tooLong.code).toBe('REDIRECT_LIMIT');
  });

  test('a POST is not redirected: the 302 is the response', async () => {
    const a = await recording((_path, res) => redirect(res, '/elsewhere'));
    const exchange = response(await client().send({ method: 'POST', url: `${a.origin}/transfers` }));
    expect(exchange).toMatchObject({ status: 302, redirects: [] });
    expect(a.seen.has('/elsewhere')).toBe(false);
  });
});

describe('concurrency', () => {
  test('no more than `concurrency` requests are in flight at once', async () => {
    let maxInFlight = 0;
    const held: ServerResponse[] = [];
    const origin = await serve((_request, res) => {
      held.push(res);
      maxInFlight = Math.max(maxInFlight, held.length);
      // Answer only once two are waiting, so the limit is reached; the pause lets a third show itself if it can.
      if (held.length === 2) setTimeout(() => held.splice(0).forEach((waiting) => waiting.end('ok')), 20);
    });
    const http = client({ concurrency: 2 });
    const exchanges = await Promise.all(Array.from({ length: 6 }, (_, i) => http.send({ method: 'GET', url: `${origin}/${i}` })));
    expect(exchanges.map((exchange) => response(exchange).status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(maxInFlight).toBe(2);
  });
});

/** Deterministic bytes gzip cannot shrink: a SHA-256 chain. */
function incompressible(length: number): Buffer {
  const blocks: Buffer[] = [];
  let block = createHash('sha256').update('seed').digest();
  for (let size = 0; size < length; size += block.length) {
    blocks.push(block);
    block = createHash('sha256').update(block).digest();
  }
  return Buffer.concat(blocks).subarray(0, length);
}
