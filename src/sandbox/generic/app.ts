import type { IncomingHttpHeaders } from 'node:http';
import { answerFor, documents, renderResponses, successFor, type Answer, type RenderedResponse } from './answers.ts';
import { securityGate, type SchemeCredentials } from './auth.ts';
import { isObject, type Json, type OpenApiDocument } from './document.ts';
import { listOperations, matchOperation, type GenericOperation, type PathParameter } from './operations.ts';
import { echoPath } from './echo-path.ts';
import { chooseFixtures, fitsShape } from './params.ts';
import { sampleSchema } from './sample.ts';
import { tokenPaths } from './token-endpoint.ts';

export interface GenericReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The sandbox's behaviour for one document, free of sockets; every answer is rendered when it is built. */
export interface GenericApp {
  basePath: string;
  fixtures: Record<string, string>;
  credentials: Record<string, SchemeCredentials>;
  /** Per oauth2 scheme with a client-credentials flow, the path (and query) of its token endpoint on the sandbox's origin. */
  tokenPaths: Record<string, string>;
  /** Whether `target` is a token endpoint's: answered by answerTokenRequest, before any operation of the document. */
  isTokenEndpoint(target: string): boolean;
  handle(method: string, target: string, headers: IncomingHttpHeaders): GenericReply;
}

export function buildGenericApp(document: OpenApiDocument, options: { basePath?: string; fixtures?: Record<string, string> }): GenericApp {
  const operations = listOperations(document);
  const renderedFor = new Map<GenericOperation, Map<string, RenderedResponse>>(operations.map((operation) => [operation, renderResponses(document, operation.responses)]));
  const gate = securityGate(document);
  const fixtures = chooseFixtures(operations, options.fixtures ?? {}, (parameter) => sampledParameter(document, parameter));
  for (const [operation, rendered] of renderedFor) {
    const echoed = echoPath(operation, successFor(rendered).rendered, fixtures);
    if (echoed) rendered.set(echoed.key, echoed);
  }
  const basePath = normalisedBasePath(options.basePath ?? serverPath(document.root));
  const tokens = tokenPaths(document, gate.tokenUrls, basePath);
  const tokenPathnames = new Set(Object.values(tokens).map((path) => new URL(path, 'http://sandbox.invalid').pathname));
  return {
    basePath,
    fixtures,
    credentials: gate.credentials,
    tokenPaths: tokens,
    // A target that is no URL (`http://[`) is no token endpoint's: `handle` answers it.
    isTokenEndpoint: (target) => URL.canParse(target, 'http://sandbox.invalid') && tokenPathnames.has(new URL(target, 'http://sandbox.invalid').pathname),
    handle(method, target, headers) {
      const url = new URL(target, 'http://sandbox.invalid');
      const path = url.pathname;
      if (path !== basePath && !path.startsWith(`${basePath}/`)) return NOT_FOUND;
      const match = matchOperation(operations, method, path.slice(basePath.length));
      if (!match) return NOT_FOUND;
      if ('allowed' in match) return { status: 405, headers: { Allow: match.allowed.join(', ') }, body: '' };
      const rendered = renderedFor.get(match.operation)!;
      const auth = gate.check(match.operation.security, { headers, query: url.searchParams });
      if (auth === 'unauthenticated') return reply(answerFor(rendered, 401));
      if (auth === 'forbidden' && documents(rendered, 403)) return reply(answerFor(rendered, 403));
      const parameters = match.operation.pathParameters;
      if (parameters.some((p) => !fitsShape(match.values.get(p.name) ?? '', p.schema))) {
        const status = rendered.has('400') ? 400 : rendered.has('422') ? 422 : documents(rendered, 400) || rendered.has('default') ? 400 : undefined;
        if (status !== undefined) return reply(answerFor(rendered, status));
      }
      if (parameters.some((p) => match.values.get(p.name) !== fixtures[p.name])) return reply(answerFor(rendered, 404));
      return reply(successFor(rendered));
    },
  };
}

/** A path nothing in the document serves: no documented answer exists, so none is invented. */
const NOT_FOUND: GenericReply = { status: 404, headers: {}, body: '' };

function reply({ status, rendered }: Answer): GenericReply {
  if (!rendered) return { status, headers: {}, body: '' };
  const headers = { ...rendered.headers };
  if (rendered.contentType !== undefined) headers['Content-Type'] = rendered.contentType;
  return { status, headers, body: rendered.body };
}

function sampledParameter(document: OpenApiDocument, parameter: PathParameter): string {
  const value = parameter.schema ? sampleSchema(document, parameter.schema, parameter.pointer) : undefined;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : `known-${parameter.name}`;
}

/** The path of the document's first server URL, its variables set to their defaults. */
function serverPath(root: Json): string {
  const [server] = Array.isArray(root.servers) ? root.servers.filter(isObject) : [];
  if (!server || typeof server.url !== 'string') return '';
  const variables = isObject(server.variables) ? server.variables : {};
  const url = server.url.replace(/\{([^{}]{1,200})\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isObject(variable) && typeof variable.default === 'string' ? variable.default : whole;
  });
  try {
    return new URL(url, 'http://sandbox.invalid').pathname;
  } catch {
    return '';
  }
}

/** '' or '/segment...' without a trailing slash, so paths from the document append to it. */
function normalisedBasePath(path: string): string {
  let end = path.length;
  while (end > 0 && path.charAt(end - 1) === '/') end -= 1;
  const trimmed = path.slice(0, end);
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
