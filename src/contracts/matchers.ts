// The matchers alone, by their file: the package root's public `MatchersV3` also loads the mock server
// and verifier, 250-400 ms more at every start (measured 2026-11-30, import of each, 5 runs); the
// package declares no `exports`, so this path is as reachable as the root.
import * as MatchersV3 from '@pact-foundation/pact/src/v3/matchers.js';
import { escapeSegment } from '../json/index.ts';
import { firstOfEachShape } from '../schema/index.ts';
import { linearRegExp, linearRegExpProblem } from '../schema/index.ts';
import { allowsType, unconstrained, viewAt, type DocumentedBody, type SchemaView } from './schema-view.ts';
import { dateTimeFormat, enumPattern, idPattern, isIsoDate, isPortablePattern, UUID_PATTERN } from './string-shapes.ts';

/**
 * A response body as Pact matchers: the observed value is every example, and the vendor's schema
 * decides how strictly each value is held. The schema only refines a matcher where the value fits
 * it, so a contract always verifies against the response it was recorded from; values that change
 * from run to run (ids, timestamps, amounts) are held by their type or shape, never their value.
 */
export function bodyMatcher(body: unknown, documented: (DocumentedBody & { schemaPointer: string }) | null): unknown {
  return matcherFor(body, { schema: documented?.schemaPointer, at: '' }, documented, null, 0);
}

// Deeper than this a contract holds only the container's type: a hostile body nested 200,000 levels
// must not overflow the stack here, nor in Pact's own JSON handling.
const MAX_DEPTH = 64;

/** A value's place: the pointer of its schema in the document (undefined when undocumented) and its own in the body. */
interface Place {
  schema: string | undefined;
  at: string;
}

function matcherFor(value: unknown, place: Place, body: DocumentedBody | null, property: string | null, depth: number): unknown {
  if (value === null) return MatchersV3.nullValue();
  if (depth >= MAX_DEPTH && typeof value === 'object') return MatchersV3.like(Array.isArray(value) ? [] : {});
  const documented = body && place.schema !== undefined ? viewAt(place.schema, place.at, body) : unconstrained();
  const view = allowsType(documented, value) ? documented : unconstrained();
  if (Array.isArray(value)) return arrayMatcher(value, view, place.at, body, depth);
  if (typeof value === 'object') return MatchersV3.like(objectTemplate(value as Record<string, unknown>, view, place.at, body, depth));
  if (typeof value === 'string') return stringMatcher(value, view, property);
  if (typeof value === 'number') return numberMatcher(value, view);
  if (typeof value === 'boolean') return MatchersV3.boolean(value);
  return MatchersV3.like(value);
}

/**
 * Only the properties the schema declares: a key it does not declare (a map's key, an undocumented
 * property) is data, recorded masked (src/privacy), and a contract demanding the placeholder key would
 * break against the very vendor it was recorded from. Pact lets the vendor send keys a template omits.
 */
function objectTemplate(value: Record<string, unknown>, view: SchemaView, at: string, body: DocumentedBody | null, depth: number): Record<string, unknown> {
  const template: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    if (Object.hasOwn(view.properties, name)) template[name] = matcherFor(item, { schema: view.properties[name], at: `${at}/${escapeSegment(name)}` }, body, name, depth + 1);
  }
  return template;
}

/**
 * Items of one shape: each like the first observed one, at least as many as the schema demands, never
 * more than observed. Items of different shapes (an `errors` list of strings and objects, by a oneOf):
 * Pact's `arrayContains`, one variant per shape seen, each held by its own schema branch, in any order
 * and among any other items; "each like the first" would fail the very response it was recorded from.
 * The first item of each shape is also the one whose branch the checker recorded (schema/branches.ts).
 */
function arrayMatcher(value: unknown[], view: SchemaView, at: string, body: DocumentedBody | null, depth: number): unknown {
  if (value.length === 0) return MatchersV3.like([]);
  const item = (index: number) => matcherFor(value[index], { schema: view.items, at: `${at}/${index}` }, body, null, depth + 1);
  const shapes = firstOfEachShape(value);
  if (shapes.length > 1) return MatchersV3.arrayContaining(...shapes.map(item));
  const min = Math.min(view.minItems, value.length);
  return MatchersV3.atLeastLike(item(0), min, Math.max(1, min));
}

/** Pact's `decimal` demands a fraction digit, which an amount like 1500 serialised as a number lacks: `type: number` is held by `number`. */
function numberMatcher(value: number, view: SchemaView): unknown {
  const integerOnly = view.types?.has('integer') && !view.types.has('number');
  return integerOnly && Number.isInteger(value) ? MatchersV3.integer(value) : MatchersV3.number(value);
}

function stringMatcher(value: string, view: SchemaView, property: string | null): unknown {
  if (view.hasConst && view.const === value) return MatchersV3.equal(value);
  const options = view.enum?.filter((option): option is string => typeof option === 'string') ?? [];
  if (options.includes(value)) return typedRegex(enumPattern(options), value);
  const formatted = formatMatcher(value, view.format);
  if (formatted) return formatted;
  // The vendor's pattern runs on RE2: V8's engine backtracks, and an observed value is hostile input.
  if (view.pattern && isPortablePattern(view.pattern) && linearRegExpProblem(view.pattern) === null && linearRegExp(view.pattern).test(value)) return typedRegex(view.pattern, value);
  const id = property === null ? null : idPattern(property, value);
  return id ? typedRegex(id, value) : MatchersV3.like(value);
}

function formatMatcher(value: string, format: string | null): unknown {
  if (format === 'date-time') {
    const pactFormat = dateTimeFormat(value);
    return pactFormat ? MatchersV3.datetime(pactFormat, value) : null;
  }
  if (format === 'date' && isIsoDate(value)) return MatchersV3.date('yyyy-MM-dd', value);
  if (format === 'uuid' && new RegExp(UUID_PATTERN).test(value)) return typedRegex(UUID_PATTERN, value);
  return null;
}

/**
 * A string of a shape: Pact's type rule AND its regex rule, in pact-core's combined-matcher form
 * (a list of rules under one value). A regex rule alone would pass a number through its string form.
 */
function typedRegex(pattern: string, example: string): unknown {
  const { value: _type, ...typeRule } = MatchersV3.string(example);
  const { value: _regex, ...regexRule } = MatchersV3.regex(pattern, example);
  return { 'pact:matcher:type': [typeRule, regexRule], value: example };
}
