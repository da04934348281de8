import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildGenericApp, type GenericApp } from './app.ts';
import { readOpenApiDocument } from './document.ts';

export type { SchemeCredentials } from './auth.ts';
export { GenericSandboxError } from './document.ts';

export interface GenericSandboxOptions {
  /** Path of the vendor's OpenAPI 3.0 or 3.1 document (YAML or JSON), self-contained (internal $refs only). */
  document: string;
  /** Prefix the document's paths are served under; default: the path of its first server URL. */
  basePath?: string;
  /** Known values of path parameters, by name; default: one per name, from the document's examples or a sample. */
  fixtures?: Record<string, string>;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
}

export interface RunningGenericSandbox {
  /** Origin plus base path: the document's paths are appended to it. */
  url: string;
  /** Per securitySchemes name, the credential that passes and the one that authenticates without permission. */
  credentials: Record<string, { valid: string; limited: string }>;
  /** Per path parameter name, the one value the sandbox knows: every other value of the right shape is unknown (404). */
  fixtures: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Serves any vendor's document, faithfully: the documented example (or a deterministic sample of the
 * schema) for the fixtures, the documented 404 for any other id, 400/422 for an id outside the
 * parameter's shape, 401/403 as the security declares. Throws GenericSandboxError, located in the
 * document, for one it cannot serve; nothing in it is random or time-dependent, so it needs no clock.
 */
export async function startGenericSandbox(options: GenericSandboxOptions): Promise<RunningGenericSandbox> {
  const app = buildGenericApp(await readOpenApiDocument(options.document), options);
  const host = options.host ?? '127.0.0.1';
  const server = serve(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}${app.basePath}`,
    credentials: structuredClone(app.credentials),
    fixtures: { ...app.fixtures },
    close: () => (closing ??= closeServer(server)),
  };
}

function serve(app: GenericApp): Server {
  return createServer((incoming, outgoing) => {
    incoming.resume(); // request bodies are not read, but drained so the connection stays usable
    outgoing.sendDate = false; // no Date header: two sandboxes answer the same request with the same bytes
    let reply;
    try {
      reply = app.handle(incoming.method ?? 'GET', incoming.url ?? '/', incoming.headers);
    } catch {
      reply = { status: 500, headers: {}, body: '' };
    }
    const body = reply.status === 204 || reply.status === 304 ? '' : reply.body;
    outgoing.writeHead(reply.status, { ...reply.headers, 'Content-Length': Buffer.byteLength(body) });
    outgoing.end(body);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections(); // idle keep-alive connections would otherwise hold close() open
  });
}
