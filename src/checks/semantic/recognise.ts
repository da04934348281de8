import { escapeSegment, getAtPointer } from '../../json/index.ts';
import type { LoadedSpec, Operation } from '../../spec/index.ts';
import { isJsonMediaType } from '../../spec/index.ts';
import type { AmountRule, EchoRule, Expression, InvariantRule, OperationRules, Recognition, TimestampRule } from './rules.ts';

/**
 * Ledger shapes recognised in a document's success bodies, without configuration. By property name,
 * where the schema describes an object (through $ref, allOf and array items):
 * - volumes: `input`, `output` and `balance` side by side: balance == input - output;
 * - amounts with their currency: a currency property (CURRENCY_NAMES) beside amount properties
 *   (AMOUNT_NAMES, or a name ending in `_amount`, `Amount`, `_balance`, `Balance`) that are numbers or strings;
 * - timestamps: a creation time beside an update time or a deletion time (TIMESTAMP_NAMES);
 * - ids echoing the path: a path parameter `X_id`/`xId` answered by a property `X_id` or `xId`, and the
 *   path's last parameter, when it names an id (`id`, `X_id`, `xId`), answered by `id`, on the resource
 *   itself (the body, or the items of a list: the body's array, or an array property of a body that
 *   answers none itself). A parameter the document says accepts other identifiers too (Whop's `id`:
 *   "Accepts a user ID, company ID, or ledger account ID") is answered by a resource with an id of its own, and is not echoed.
 */
const CURRENCY_NAMES = ['currency', 'currencyCode', 'currency_code', 'assetCode', 'asset_code', 'asset'];
const AMOUNT_NAMES = new Set(['amount', 'balance', 'available', 'onHold', 'on_hold', 'pending', 'reserved', 'overdraftUsed', 'overdraft_used']);
const AMOUNT_SUFFIXES = ['_amount', 'Amount', '_balance', 'Balance'];
const TIMESTAMP_NAMES = [
  { created: 'createdAt', updated: 'updatedAt' },
  { created: 'created_at', updated: 'updated_at' },
  { created: 'created', updated: 'updated' },
];
const DELETION_NAMES = ['deletedAt', 'deleted_at'];

/** Bounds of the walk through one operation's schemas: a document is vendor input, and schemas may recurse. */
const MAX_DEPTH = 8;
const MAX_OBJECTS = 2_000;
const MAX_FLATTENED = 64;

interface Recognised {
  recognitions: Recognition[];
  rules: OperationRules;
}

const byOperation = new WeakMap<LoadedSpec, Map<string, Recognised>>();

/** The ledger shapes recognised in a document's success bodies, by operation (the audit lists them). */
export function recognitions(spec: LoadedSpec): Recognition[] {
  return spec.operations.flatMap((operation) => recognisedIn(spec, operation).recognitions);
}

/** The rules the shapes recognised in an operation's success bodies imply; computed once per operation. */
export function recognisedRules(spec: LoadedSpec, operation: Operation): OperationRules {
  return recognisedIn(spec, operation).rules;
}

function recognisedIn(spec: LoadedSpec, operation: Operation): Recognised {
  let operations = byOperation.get(spec);
  if (!operations) byOperation.set(spec, (operations = new Map()));
  let recognised = operations.get(operation.key);
  if (!recognised) operations.set(operation.key, (recognised = recognise(spec.document, operation)));
  return recognised;
}

/** A schema seen as one object: its properties and items, merged through $ref and allOf. */
interface Shape {
  /** The schemas that describe this object's members (have properties or items). */
  schemas: unknown[];
  properties: Map<string, unknown>;
  items: unknown[];
  types: Set<string>;
}

function recognise(document: Record<string, unknown>, operation: Operation): Recognised {
  const found: Recognised = { recognitions: [], rules: { amounts: [], invariants: [], presence: [], echoes: [], timestamps: [] } };
  const add = (kind: Recognition['kind'], at: string, why: string) => {
    found.recognitions.push({ operation: operation.key, kind, at, why });
    return { origin: 'recognised' as const, why };
  };
  const seen = new Set<string>();
  // `lineage`: the schemas of the objects this one sits in; meeting one again is a cycle (a tree's `parent`), not a new place.
  const stack: Array<{ schema: unknown; at: string; depth: number; lineage: ReadonlySet<unknown> }> = [];
  for (const response of operation.responses) {
    if (!/^2/.test(response.statusKey)) continue;
    for (const media of response.content) {
      if (media.schemaPointer !== null && isJsonMediaType(media.mediaType)) stack.push({ schema: getAtPointer(document, media.schemaPointer), at: '', depth: 0, lineage: new Set() });
    }
  }
  const root = stack.map(({ schema }) => shapeOf(document, schema));
  recogniseEchoes(document, operation, root, found.rules.echoes, add);
  let objects = 0;
  while (stack.length > 0 && objects++ < MAX_OBJECTS) {
    const { schema, at, depth, lineage } = stack.pop()!;
    const shape = shapeOf(document, schema);
    // The first success schema to describe a place sets its rules there; a cycle ends the walk down it.
    if (shape.schemas.some((s) => lineage.has(s)) || seen.has(at)) continue;
    seen.add(at);
    recogniseObject(document, shape, at, found.rules, add);
    if (depth === MAX_DEPTH) continue;
    const inner = new Set([...lineage, ...shape.schemas]);
    for (const [name, property] of shape.properties) stack.push({ schema: property, at: `${at}/${escapeSegment(name)}`, depth: depth + 1, lineage: inner });
    for (const items of shape.items) stack.push({ schema: items, at: `${at}/*`, depth: depth + 1, lineage: inner });
  }
  return found;
}

type Note = (kind: Recognition['kind'], at: string, why: string) => { origin: 'recognised'; why: string };

function recogniseObject(document: Record<string, unknown>, shape: Shape, at: string, rules: OperationRules, note: Note): void {
  const has = (name: string) => shape.properties.has(name);
  const pointer = (name: string) => `${at}/${escapeSegment(name)}`;
  if (has('input') && has('output') && has('balance')) {
    const text = `${pointer('balance')} == ${pointer('input')} - ${pointer('output')}`;
    rules.invariants.push(volumesRule(text, pointer, note('volumes', at, 'properties input, output and balance')));
  }
  const currency = CURRENCY_NAMES.find(has);
  if (currency !== undefined) {
    for (const [name, property] of shape.properties) {
      if (!isAmountName(name) || !isScalar(shapeOf(document, property).types)) continue;
      const source = note('amount-currency', pointer(name), `property ${name} beside currency property ${currency}`);
      rules.amounts.push({ at: pointer(name), currency: { pointer: pointer(currency) }, source } satisfies AmountRule);
    }
  }
  const deleted = DELETION_NAMES.find(has);
  for (const names of TIMESTAMP_NAMES) {
    if (!has(names.created)) continue;
    const updated = has(names.updated) ? names.updated : undefined;
    if (updated === undefined && deleted === undefined) continue;
    const why = `creation time ${names.created} beside ${[updated, deleted].filter((n) => n !== undefined).join(' and ')}`;
    const rule: TimestampRule = { created: pointer(names.created), updated: updated === undefined ? null : pointer(updated), deleted: deleted === undefined ? null : pointer(deleted), source: note('timestamps', at, why) };
    rules.timestamps.push(rule);
    break;
  }
}

function volumesRule(text: string, pointer: (name: string) => string, source: InvariantRule['source']): InvariantRule {
  const at = (name: string): Expression => ({ kind: 'pointer', pointer: pointer(name) });
  const check: Expression = { kind: 'compare', operator: '==', left: at('balance'), right: { kind: 'arithmetic', operator: '-', left: at('input'), right: at('output') } };
  return { text, check, when: null, source };
}

/** Ids answering the path's parameters, on the resource the body is (or the items of the list it is). */
function recogniseEchoes(document: Record<string, unknown>, operation: Operation, roots: Shape[], echoes: EchoRule[], note: Note): void {
  const several = answersSeveralKinds(document, operation);
  const parameters = [...operation.path.matchAll(/\{([^{}/]{1,200})\}/g)].map((m) => m[1]!).filter((name) => !several.has(name));
  if (parameters.length === 0) return;
  // `/id` answers only an id: `GET /accounts/by-alias/{alias}` answers its alias beside an id of its own.
  const final = operation.path.endsWith('}') ? parameters[parameters.length - 1] : undefined;
  const last = final !== undefined && (final === 'id' || idNames(final).length > 0) ? final : undefined;
  const answers = (shape: Shape): Array<[string, string]> =>
    parameters.flatMap((parameter): Array<[string, string]> => {
      const names = idNames(parameter).filter((n) => shape.properties.has(n));
      if (parameter === last && shape.properties.has('id')) names.push('id');
      return names.map((name) => [parameter, name]);
    });
  for (const root of roots) {
    const levels: Array<[string, Shape]> = [['', root]];
    if (answers(root).length === 0) {
      // Lists: the body's items, or the items of an array property of a body that answers nothing itself (`{items: [...]}`).
      levels.length = 0;
      for (const items of root.items) levels.push(['/*', shapeOf(document, items)]);
      for (const [name, property] of root.properties) for (const items of shapeOf(document, property).items) levels.push([`/${escapeSegment(name)}/*`, shapeOf(document, items)]);
    }
    for (const [at, shape] of levels) {
      for (const [parameter, name] of answers(shape)) {
        const pointer = `${at}/${escapeSegment(name)}`;
        if (echoes.some((e) => e.at === pointer)) continue;
        echoes.push({ parameter, at: pointer, source: note('id-echo', pointer, `property ${name} answers path parameter ${parameter}`) });
      }
    }
  }
}

/** The schema's object view, through $ref and allOf (bounded, each schema once). */
function shapeOf(document: Record<string, unknown>, schema: unknown): Shape {
  const shape: Shape = { schemas: [], properties: new Map(), items: [], types: new Set() };
  const visited = new Set<unknown>();
  const pending = [schema];
  while (pending.length > 0 && visited.size < MAX_FLATTENED) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object' || visited.has(next)) continue;
    visited.add(next);
    const s = next as Record<string, unknown>;
    if (typeof s.$ref === 'string' && s.$ref.startsWith('#')) pending.push(getAtPointer(document, s.$ref));
    // One at a time: spread as arguments, a vendor's 200,000 allOf entries overflow the stack.
    if (Array.isArray(s.allOf)) for (const member of s.allOf as unknown[]) pending.push(member);
    if ((s.properties !== null && typeof s.properties === 'object') || (s.items !== null && typeof s.items === 'object')) shape.schemas.push(s);
    if (s.properties !== null && typeof s.properties === 'object') {
      for (const [name, property] of Object.entries(s.properties)) if (!shape.properties.has(name)) shape.properties.set(name, property);
    }
    if (s.items !== null && typeof s.items === 'object') shape.items.push(s.items);
    for (const type of Array.isArray(s.type) ? s.type : [s.type]) if (typeof type === 'string') shape.types.add(type);
  }
  return shape;
}

function isAmountName(name: string): boolean {
  return AMOUNT_NAMES.has(name) || AMOUNT_SUFFIXES.some((suffix) => name.length > suffix.length && name.endsWith(suffix));
}

function isScalar(types: Set<string>): boolean {
  return types.has('number') || types.has('integer') || types.has('string');
}

/** The body property names that answer an id path parameter: `account_id` and `accountId` for either. */
function idNames(parameter: string): string[] {
  if (parameter.length > 3 && parameter.endsWith('_id')) return [parameter, parameter.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())];
  if (parameter.length > 2 && parameter.endsWith('Id')) return [parameter, parameter.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
  return [];
}

/** Path parameters whose description says they accept more than one kind of identifier. */
function answersSeveralKinds(document: Record<string, unknown>, operation: Operation): Set<string> {
  const several = new Set<string>();
  const item = getAtPointer(document, operation.pointer.slice(0, operation.pointer.lastIndexOf('/'))) as Record<string, unknown> | undefined;
  const own = getAtPointer(document, operation.pointer) as Record<string, unknown> | undefined;
  for (const list of [item?.parameters, own?.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const parameter = (typeof entry?.$ref === 'string' ? getAtPointer(document, entry.$ref) : entry) as { name?: unknown; in?: unknown; description?: unknown } | undefined;
      if (parameter?.in === 'path' && typeof parameter.name === 'string' && typeof parameter.description === 'string' && /\baccepts\b/i.test(parameter.description)) several.add(parameter.name);
    }
  }
  return several;
}
