import { createServer, STATUS_CODES, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRateLimiter } from './rate-limit.ts';

/** How error answers are rendered: as documented (JSON), or as one of the drifts vendors have shipped. */
export type ErrorStyle = 'json' | 'html' | 'text' | 'html-labelled-json';

export interface SandboxRequest {
  method: string;
  /** The path as sent (still percent-encoded), without the query string. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The client's address: the rate-limit key when a request carries no credential. */
  client: string;
}

/** A success body already written as JSON text: digits JSON.stringify cannot write (integers beyond 2^53) go on the wire as they are. */
export class JsonText {
  constructor(readonly text: string) {}
}

export interface Reply {
  status: number;
  /** A JSON value, or JsonText sent verbatim. */
  body: unknown;
  headers?: Record<string, string>;
}

/** One vendor's behaviour, free of sockets, so every vendor shares the plumbing below. */
export interface VendorApp {
  requestIdHeader: string;
  requestId(request: SandboxRequest): string;
  rateLimitKey(request: SandboxRequest): string;
  tooManyRequests(): Reply;
  internalError(): Reply;
  handle(request: SandboxRequest): Reply;
  errorStyle: ErrorStyle;
}

export interface ListenOptions {
  host: string;
  port: number;
  rateLimitPerSecond: number;
  clock: () => number;
}

export interface Listening {
  origin: string;
  close(): Promise<void>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
// The limiter's window slides over one second, so a refused client always gets a slot within a second.
const RETRY_AFTER_SECONDS = '1';

export function listen(app: VendorApp, options: ListenOptions): Promise<Listening> {
  const limiter = createRateLimiter(options.rateLimitPerSecond, options.clock);
  const server = createServer((incoming, outgoing) => {
    incoming.resume(); // bodies are ignored (GET only) but must be drained to keep the connection usable
    const request: SandboxRequest = {
      method: incoming.method ?? 'GET',
      path: (incoming.url ?? '/').split('?')[0] ?? '/',
      headers: incoming.headers,
      client: incoming.socket.remoteAddress ?? 'unknown',
    };
    const reply = limiter.admit(app.rateLimitKey(request))
      ? handleSafely(app, request)
      : withHeaders(app.tooManyRequests(), { 'Retry-After': RETRY_AFTER_SECONDS });
    send(outgoing, withHeaders(reply, { [app.requestIdHeader]: app.requestId(request) }), app.errorStyle);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      let closing: Promise<void> | undefined;
      resolve({
        origin: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
        close: () => (closing ??= closeServer(server)),
      });
    });
  });
}

/** The first value of a request header, if sent. */
export function header(request: SandboxRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Matches a route and percent-decodes its captured path segments. */
export function matchRoute(route: RegExp, path: string): string[] | undefined {
  const match = route.exec(path);
  return match?.slice(1).map((segment) => (segment === undefined ? '' : decodeSegment(segment)));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // not valid percent-encoding: left as sent, so the id checks reject it
  }
}

function handleSafely(app: VendorApp, request: SandboxRequest): Reply {
  try {
    return app.handle(request);
  } catch {
    return app.internalError();
  }
}

function withHeaders(reply: Reply, headers: Record<string, string>): Reply {
  return { ...reply, headers: { ...reply.headers, ...headers } };
}

function send(outgoing: ServerResponse, reply: Reply, errorStyle: ErrorStyle): void {
  const { contentType, text } = render(reply, errorStyle);
  outgoing.writeHead(reply.status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    ...reply.headers,
  });
  outgoing.end(text);
}

function render(reply: Reply, errorStyle: ErrorStyle): { contentType: string; text: string } {
  if (reply.status < 400 || errorStyle === 'json') {
    return { contentType: JSON_TYPE, text: reply.body instanceof JsonText ? reply.body.text : JSON.stringify(reply.body) };
  }
  const statusLine = `${reply.status} ${STATUS_CODES[reply.status] ?? 'Error'}`;
  if (errorStyle === 'text') return { contentType: 'text/plain; charset=utf-8', text: `${statusLine}\n` };
  const page = `<!DOCTYPE html>\n<html><head><title>${statusLine}</title></head><body><h1>${statusLine}</h1></body></html>\n`;
  return { contentType: errorStyle === 'html' ? 'text/html; charset=utf-8' : JSON_TYPE, text: page };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections(); // idle keep-alive connections would otherwise hold close() open
  });
}
