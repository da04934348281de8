import { joinPointer } from '../json/index.ts';

type Json = Record<string, unknown>;

/**
 * A place in an OpenAPI document where a schema belongs. `describesValue` is true where the schema
 * describes one concrete JSON value (a response body, a property, an array item) and false where it is
 * only a part of another schema (allOf/oneOf branches, component definitions): the undocumented-property
 * check may close the former, never the latter.
 */
export interface SchemaSite {
  pointer: string;
  holder: Json | unknown[];
  key: string | number;
  describesValue: boolean;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const VALUE_MAP_KEYWORDS = ['properties', 'patternProperties'];
const VALUE_KEYWORDS = ['additionalProperties', 'unevaluatedProperties', 'items', 'additionalItems', 'unevaluatedItems', 'contains'];
const VALUE_LIST_KEYWORDS = ['prefixItems'];
const PART_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf'];
const PART_KEYWORDS = ['not', 'if', 'then', 'else', 'propertyNames'];
const PART_MAP_KEYWORDS = ['dependentSchemas', '$defs', 'definitions'];

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Visits every schema site of the document, parents before children. The visitor may replace
 * `holder[key]`; the walk then descends into the replacement.
 */
export function forEachSchemaSite(document: Json, visit: (site: SchemaSite) => void): void {
  for (const root of schemaRoots(document)) walkSchema(root, visit, new Set());
}

function walkSchema(site: SchemaSite, visit: (site: SchemaSite) => void, ancestors: Set<unknown>): void {
  visit(site);
  const schema = (site.holder as Json)[site.key as string];
  if (!isObject(schema) || ancestors.has(schema)) return;
  ancestors.add(schema);
  for (const child of childSites(schema, site.pointer)) walkSchema(child, visit, ancestors);
  ancestors.delete(schema);
}

function childSites(schema: Json, pointer: string): SchemaSite[] {
  const sites: SchemaSite[] = [];
  const add = (holder: Json | unknown[], key: string | number, at: string, describesValue: boolean) =>
    sites.push({ pointer: at, holder, key, describesValue });
  for (const keyword of VALUE_MAP_KEYWORDS) eachEntry(schema[keyword], (map, name) => add(map, name, joinPointer(pointer, keyword, name), true));
  for (const keyword of PART_MAP_KEYWORDS) eachEntry(schema[keyword], (map, name) => add(map, name, joinPointer(pointer, keyword, name), false));
  for (const keyword of VALUE_KEYWORDS) {
    const value = schema[keyword];
    if (Array.isArray(value)) value.forEach((_, i) => add(value, i, joinPointer(pointer, keyword, i), true));
    else if (value !== undefined && typeof value !== 'boolean') add(schema, keyword, joinPointer(pointer, keyword), true);
  }
  for (const keyword of [...VALUE_LIST_KEYWORDS, ...PART_LIST_KEYWORDS]) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach((_, i) => add(list, i, joinPointer(pointer, keyword, i), VALUE_LIST_KEYWORDS.includes(keyword)));
  }
  for (const keyword of PART_KEYWORDS) if (schema[keyword] !== undefined) add(schema, keyword, joinPointer(pointer, keyword), false);
  return sites;
}

function eachEntry(map: unknown, visit: (map: Json, name: string) => void): void {
  if (isObject(map)) for (const name of Object.keys(map)) visit(map, name);
}

/** Where schemas start in an OpenAPI 3.x document. */
function schemaRoots(document: Json): SchemaSite[] {
  const roots: SchemaSite[] = [];
  const addSchemaOf = (holder: unknown, pointer: string) => {
    if (isObject(holder) && 'schema' in holder) roots.push({ holder, key: 'schema', pointer: joinPointer(pointer, 'schema'), describesValue: true });
  };
  const addContent = (holder: unknown, pointer: string) => {
    if (!isObject(holder)) return;
    eachEntry(holder.content, (content, mediaType) => addSchemaOf(content[mediaType], joinPointer(pointer, 'content', mediaType)));
  };
  const addParameters = (list: unknown, pointer: string) => {
    if (Array.isArray(list)) list.forEach((parameter, i) => addSchemaOf(parameter, joinPointer(pointer, 'parameters', i)));
  };
  const addResponse = (response: unknown, pointer: string) => {
    addContent(response, pointer);
    if (isObject(response)) eachEntry(response.headers, (headers, name) => addSchemaOf(headers[name], joinPointer(pointer, 'headers', name)));
  };

  eachEntry(document.paths, (paths, path) => {
    const item = paths[path];
    if (!isObject(item)) return;
    const itemPointer = joinPointer('', 'paths', path);
    addParameters(item.parameters, itemPointer);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const opPointer = joinPointer(itemPointer, method);
      addParameters(operation.parameters, opPointer);
      addContent(operation.requestBody, joinPointer(opPointer, 'requestBody'));
      eachEntry(operation.responses, (responses, status) => addResponse(responses[status], joinPointer(opPointer, 'responses', status)));
    }
  });

  const components = document.components;
  if (isObject(components)) {
    eachEntry(components.schemas, (schemas, name) =>
      roots.push({ holder: schemas, key: name, pointer: joinPointer('', 'components', 'schemas', name), describesValue: false }),
    );
    eachEntry(components.parameters, (map, name) => addSchemaOf(map[name], joinPointer('', 'components', 'parameters', name)));
    eachEntry(components.headers, (map, name) => addSchemaOf(map[name], joinPointer('', 'components', 'headers', name)));
    eachEntry(components.responses, (map, name) => addResponse(map[name], joinPointer('', 'components', 'responses', name)));
    eachEntry(components.requestBodies, (map, name) => addContent(map[name], joinPointer('', 'components', 'requestBodies', name)));
  }
  return roots;
}

export { isObject, HTTP_METHODS };
