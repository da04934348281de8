import { decodeFragment, getAtPointer, joinPointer } from '../json/index.ts';
import type { MediaTypeEntry, Operation, ResponseEntry } from './types.ts';
import { HTTP_METHODS, isObject } from './walk.ts';

type Json = Record<string, unknown>;

/** Every operation of the document, with its responses resolved through $refs to components. */
export function listOperations(document: Json): Operation[] {
  const operations: Operation[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  const documentSecurity = Array.isArray(document.security) ? document.security : [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const pointer = joinPointer('', 'paths', path, method);
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pointer,
        responses: listResponses(document, operation, pointer),
        security: (Array.isArray(operation.security) ? operation.security : documentSecurity).filter(isObject) as Operation['security'],
      });
    }
  }
  return operations;
}

function listResponses(document: Json, operation: Json, operationPointer: string): ResponseEntry[] {
  const responses = isObject(operation.responses) ? operation.responses : {};
  return Object.keys(responses).map((statusKey) => {
    const { value, pointer } = resolve(document, responses[statusKey], joinPointer(operationPointer, 'responses', statusKey));
    const response = isObject(value) ? value : {};
    return { statusKey, pointer, content: listContent(response, pointer), requiredHeaders: listRequiredHeaders(document, response) };
  });
}

function listContent(response: Json, responsePointer: string): MediaTypeEntry[] {
  const content = isObject(response.content) ? response.content : {};
  return Object.entries(content).map(([mediaType, entry]) => {
    const pointer = joinPointer(responsePointer, 'content', mediaType);
    const hasSchema = isObject(entry) && entry.schema !== undefined;
    return { mediaType: mediaType.split(';')[0]!.trim().toLowerCase(), pointer, schemaPointer: hasSchema ? joinPointer(pointer, 'schema') : null };
  });
}

function listRequiredHeaders(document: Json, response: Json): string[] {
  const headers = isObject(response.headers) ? response.headers : {};
  return Object.entries(headers)
    .filter(([, header]) => {
      const { value } = resolve(document, header, '');
      return isObject(value) && value.required === true;
    })
    .map(([name]) => name.toLowerCase());
}

/** Follows $ref chains of Response/Header objects (not schemas: ajv resolves those itself). */
export function resolve(document: Json, value: unknown, pointer: string): { value: unknown; pointer: string } {
  const seen = new Set<string>();
  while (isObject(value) && typeof value.$ref === 'string' && value.$ref.startsWith('#') && !seen.has(value.$ref)) {
    seen.add(value.$ref);
    pointer = decodeFragment(value.$ref.slice(1));
    value = getAtPointer(document, value.$ref);
  }
  return { value, pointer };
}
