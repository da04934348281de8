import { isObject } from './json.ts';
import { findRequestExamples, serverOf } from './request-examples.ts';
import type { JsonObject } from './types.ts';

export interface MergedDocument {
  label: string;
  document: JsonObject;
}

/** What a page without an OpenAPI block adds: server URLs its request examples use that the document lacks. */
export interface ServerContribution<Target extends MergedDocument> {
  target: Target;
  servers: string[];
  operation: string;
}

/**
 * Rendered pages (no OpenAPI block) still show where requests go. When their curl example is a request
 * to exactly one imported document's operation, a server URL the document does not list is worth
 * recording: vendors disagree with themselves, and conform should see both. Anything else is a skip.
 */
export function contributionOf<Target extends MergedDocument>(
  text: string,
  documents: Target[],
): ServerContribution<Target> | { reason: string } {
  const matches = findRequestExamples(text).flatMap((example) =>
    documents.flatMap((target) => {
      const found = findOperation(target.document, example.method, example.url);
      return found ? [{ target, ...found }] : [];
    }),
  );
  const targets = [...new Set(matches.map((match) => match.target))];
  const [target] = targets;
  if (target === undefined) {
    return { reason: 'no OpenAPI block, and no request example of an imported operation' };
  }
  if (targets.length > 1) {
    const labels = targets.map((candidate) => candidate.label).join(', ');
    return { reason: `no OpenAPI block; its request examples match operations of several documents (${labels}), so it cannot be attributed` };
  }
  const listed = new Set(serverUrls(target.document));
  const servers = [...new Set(matches.map((match) => match.server))].filter((server) => !listed.has(server));
  if (servers.length === 0) {
    return { reason: `no OpenAPI block; its request examples use servers ${target.label} already lists` };
  }
  return { target, servers, operation: matches[0]?.operation ?? '' };
}

function findOperation(document: JsonObject, method: string, url: string): { server: string; operation: string } | undefined {
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item) || !Object.hasOwn(item, method.toLowerCase())) continue;
    const server = serverOf(url, path);
    if (server !== null) return { server, operation: `${method} ${path}` };
  }
  return undefined;
}

export function serverUrls(document: JsonObject): string[] {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  return servers.flatMap((server) => (isObject(server) && typeof server.url === 'string' ? [server.url] : []));
}
