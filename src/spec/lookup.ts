import type { LoadedSpec, MediaTypeEntry, Operation, ResponseEntry } from './types.ts';

/**
 * Finds the operation a concrete request hit. Server base paths ("/api/v1") are stripped, segments are
 * compared percent-decoded, a trailing slash is ignored, and literal segments win over templated ones
 * (so "/accounts/me" beats "/accounts/{id}").
 */
export function findOperation(spec: LoadedSpec, method: string, url: string): Operation | undefined {
  const path = stripBasePath(spec, new URL(url, 'http://placeholder').pathname);
  const segments = splitPath(path).map(safeDecode);
  let best: { operation: Operation; literals: number } | undefined;
  for (const operation of spec.operations) {
    if (operation.method !== method.toUpperCase()) continue;
    const literals = matchTemplate(splitPath(operation.path), segments);
    if (literals !== null && (!best || literals > best.literals)) best = { operation, literals };
  }
  return best?.operation;
}

function stripBasePath(spec: LoadedSpec, pathname: string): string {
  const bases = spec.servers
    .map((server) => new URL(server, 'http://placeholder').pathname.replace(/\/+$/, ''))
    .filter((base) => base !== '')
    .sort((a, b) => b.length - a.length);
  const base = bases.find((b) => pathname === b || pathname.startsWith(`${b}/`));
  return base ? pathname.slice(base.length) || '/' : pathname;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Number of literal segments matched, or null when the template does not match. */
function matchTemplate(template: string[], segments: string[]): number | null {
  if (template.length !== segments.length) return null;
  let literals = 0;
  for (let i = 0; i < template.length; i++) {
    const part = template[i]!;
    if (/^\{[^}]+\}$/.test(part)) {
      if (segments[i] === '') return null;
    } else if (part === segments[i]) literals++;
    else return null;
  }
  return literals;
}

/** The documented response for a status: exact code, then its range ("4XX"), then "default". */
export function findResponse(operation: Operation, status: number): ResponseEntry | undefined {
  const byKey = (key: string) => operation.responses.find((r) => r.statusKey.toUpperCase() === key);
  return byKey(String(status)) ?? byKey(`${Math.floor(status / 100)}XX`) ?? byKey('DEFAULT');
}

/** "application/json; charset=utf-8" -> "application/json". */
export function essence(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/** The documented media type for a Content-Type: exact, then "type/*", then "*\/*". Parameters are ignored. */
export function findMediaType(response: ResponseEntry, contentType: string): MediaTypeEntry | undefined {
  const actual = essence(contentType);
  const [type] = actual.split('/');
  return (
    response.content.find((c) => c.mediaType === actual) ??
    response.content.find((c) => c.mediaType === `${type}/*`) ??
    response.content.find((c) => c.mediaType === '*/*')
  );
}

/** JSON media types: application/json and any "+json" structured-syntax suffix (problem+json, vnd.x+json). */
export function isJsonMediaType(mediaType: string): boolean {
  const value = essence(mediaType);
  return value === 'application/json' || value.endsWith('+json');
}
