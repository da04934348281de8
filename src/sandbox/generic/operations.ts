import { joinPointer } from '../../json/index.ts';
import { isObject, type Json, type OpenApiDocument } from './document.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One path segment of a template: literal text, or `prefix{name}suffix`. */
type Segment = { literal: string } | { prefix: string; name: string; suffix: string };

export interface PathParameter {
  name: string;
  /** The operation declaring it: where a refusal to sample its schema points. */
  pointer: string;
  /** The parameter's schema, $ref followed; undefined when it declares none (or is undeclared). */
  schema: Json | undefined;
  /** Values the document shows for it (parameter and schema examples, default, enum), in that order. */
  shown: unknown[];
}

/** A documented response, $ref followed, with where it sits in the document. */
export interface DocumentedResponse {
  key: string;
  pointer: string;
  response: Json;
}

export interface GenericOperation {
  method: string;
  template: string;
  segments: Segment[];
  pathParameters: PathParameter[];
  /** Alternatives (any one suffices), each naming schemes that must all be satisfied; empty: open. */
  security: Array<Record<string, unknown>>;
  responses: DocumentedResponse[];
}

export function listOperations(document: OpenApiDocument): GenericOperation[] {
  const paths = document.deref(document.root.paths);
  const security = Array.isArray(document.root.security) ? document.root.security : [];
  const operations: GenericOperation[] = [];
  for (const [template, rawItem] of Object.entries(isObject(paths) ? paths : {})) {
    const item = document.deref(rawItem);
    if (!isObject(item) || !template.startsWith('/')) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const pointer = joinPointer('/paths', template, method);
      const parameters = [...listOf(item.parameters), ...listOf(operation.parameters)].map((p) => document.deref(p)).filter(isObject);
      const segments = template.split('/').slice(1).map(parseSegment);
      operations.push({
        method: method.toUpperCase(),
        template,
        segments,
        pathParameters: segments.flatMap((s) => ('name' in s ? [pathParameter(document, s.name, parameters, pointer)] : [])),
        security: (Array.isArray(operation.security) ? operation.security : security).filter(isObject),
        responses: documentedResponses(document, operation, pointer),
      });
    }
  }
  return operations;
}

/** The operation a request path (below the base path) and method reach, with its path parameters' values. */
export function matchOperation(
  operations: readonly GenericOperation[],
  method: string,
  path: string,
): { operation: GenericOperation; values: Map<string, string> } | { allowed: string[] } | undefined {
  const requested = path.split('/').slice(1).map(decodeSegment);
  let best: { literals: number; matches: Array<{ operation: GenericOperation; values: Map<string, string> }> } | undefined;
  for (const operation of operations) {
    const values = matchSegments(operation.segments, requested);
    if (!values) continue;
    const literals = operation.segments.filter((s) => 'literal' in s).length;
    if (!best || literals > best.literals) best = { literals, matches: [] };
    if (literals === best.literals) best.matches.push({ operation, values });
  }
  if (!best) return undefined;
  return best.matches.find((m) => m.operation.method === method) ?? { allowed: best.matches.map((m) => m.operation.method) };
}

function matchSegments(segments: readonly Segment[], requested: readonly string[]): Map<string, string> | undefined {
  if (segments.length !== requested.length) return undefined;
  const values = new Map<string, string>();
  for (const [index, segment] of segments.entries()) {
    const value = requested[index]!;
    if ('literal' in segment) {
      if (value !== segment.literal) return undefined;
    } else {
      const { prefix, suffix } = segment;
      if (value.length <= prefix.length + suffix.length || !value.startsWith(prefix) || !value.endsWith(suffix)) return undefined;
      values.set(segment.name, value.slice(prefix.length, value.length - suffix.length));
    }
  }
  return values;
}

function parseSegment(segment: string): Segment {
  const open = segment.indexOf('{');
  const close = segment.lastIndexOf('}');
  if (open < 0 || close < open) return { literal: segment };
  return { prefix: segment.slice(0, open), name: segment.slice(open + 1, close), suffix: segment.slice(close + 1) };
}

function pathParameter(document: OpenApiDocument, name: string, parameters: Json[], pointer: string): PathParameter {
  // The operation's own declaration comes after the path item's, and overrides it.
  const declared = parameters.filter((p) => p.in === 'path' && p.name === name).at(-1);
  const schema = document.deref(declared?.schema);
  const examples = document.deref(declared?.examples);
  const shown = [
    declared?.example,
    ...(isObject(examples) ? Object.values(examples).map((e) => document.deref(e)).filter(isObject).map((e) => e.value) : []),
    ...(isObject(schema) ? [schema.example, ...listOf(schema.examples), schema.default, ...listOf(schema.enum)] : []),
  ].filter((value) => value !== undefined);
  return { name, pointer, schema: isObject(schema) ? schema : undefined, shown };
}

function documentedResponses(document: OpenApiDocument, operation: Json, pointer: string): DocumentedResponse[] {
  const responses = document.deref(operation.responses);
  if (!isObject(responses)) return [];
  return Object.entries(responses).flatMap(([key, response]) => {
    const resolved = document.deref(response);
    return isObject(resolved) ? [{ key: key.toUpperCase() === 'DEFAULT' ? 'default' : key.toUpperCase(), pointer: joinPointer(pointer, 'responses', key), response: resolved }] : [];
  });
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // not valid percent-encoding: left as sent, so the shape checks reject it
  }
}
