import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildGenericApp, type GenericApp, type GenericReply } from './app.ts';
import { readOpenApiDocument } from './document.ts';
import { readForm } from './request-form.ts';
import { answerTokenRequest, TOKEN_FORM_LIMIT } from './token-endpoint.ts';

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
  /**
   * Per securitySchemes name, the credential that passes and the one that authenticates without permission;
   * for oauth2 with a client-credentials flow, `client_id:client_secret` to exchange at `tokenUrls[name]`.
   */
  credentials: Record<string, { valid: string; limited: string }>;
  /**
   * Per oauth2 scheme with a client-credentials flow, the absolute URL of the sandbox's own token endpoint:
   * the document's tokenUrl resolved against `url` + '/', or the path of one on another host, on this origin.
   */
  tokenUrls: Record<string, string>;
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
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}${app.basePath}`,
    credentials: structuredClone(app.credentials),
    tokenUrls: Object.fromEntries(Object.entries(app.tokenPaths).map(([scheme, path]) => [scheme, `${origin}${path}`])),
    fixtures: { ...app.fixtures },
    close: () => (closing ??= closeServer(server)),
  };
}

function serve(app: GenericApp): Server {
  return createServer((incoming, outgoing) => {
    outgoing.sendDate = false; // no Date header: two sandboxes answer the same request with the same bytes
    const method = incoming.method ?? 'GET';
    const target = incoming.url ?? '/';
    if (app.isTokenEndpoint(target) && method === 'POST') {
      // The one body the sandbox reads, bounded; a client gone mid-body gets nothing.
      readForm(incoming, TOKEN_FORM_LIMIT).then(
        (form) => send(outgoing, answerTokenRequest(method, incoming.headers, form)),
        () => incoming.destroy(),
      );
      return;
    }
    incoming.resume(); // other request bodies are not read, but drained so the connection stays usable
    let reply;
    try {
      reply = app.isTokenEndpoint(target) ? answerTokenRequest(method, incoming.headers, undefined) : app.handle(method, target, incoming.headers);
    } catch {
      reply = { status: 500, headers: {}, body: '' };
    }
    send(outgoing, reply);
  });
}

function send(outgoing: ServerResponse<IncomingMessage>, reply: GenericReply): void {
  const body = reply.status === 204 || reply.status === 304 ? '' : reply.body;
  outgoing.writeHead(reply.status, { ...reply.headers, 'Content-Length': Buffer.byteLength(body) });
  outgoing.end(body);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections(); // idle keep-alive connections would otherwise hold close() open
  });
}
