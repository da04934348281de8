import { parseExpression, pointersOf, type AmountRule, type EchoRule, type Expression, type IdentityRule, type InvariantRule, type OperationRules, type PresenceRule, type TimestampRule, type VendorMoney } from '../checks/index.ts';
import type { DocumentFacts } from './document-facts.ts';
import { documentsPointer } from './documented-pointer.ts';

/** A vendor file's `money:` section as schemas/vendor.schema.json admits it (docs/money.md). */
export interface MoneySection {
  currencies?: { declared?: Record<string, number | null>; anyCode?: boolean };
  operations?: Record<string, MoneyOperation>;
  identities?: Array<{ name: string; same: Array<{ operation: string; key: string; value: string }> }>;
}

interface MoneyOperation {
  amounts?: Array<{ at: string; currency?: string; asset?: string }>;
  invariants?: Array<{ rule: string; when?: string }>;
  absent?: Array<{ at: string; when?: string }>;
  present?: Array<{ at: string; when?: string }>;
  echo?: Record<string, string>;
  timestamps?: { created: string; updated?: string; deleted?: string };
}

type Path = readonly (string | number)[];

/** Where the section sits: the file, the line of a path in it, and the located error that stops the load. */
export interface MoneyPlace {
  file: string;
  line(path: Path): number;
  /** With `key`, the line of that key of the map at `path`. */
  fail(path: Path, message: string, key?: string): never;
}

/** `USD`, or `USD/2` (a code with its decimals). */
const ASSET = /^[A-Z][A-Z0-9]{0,15}(\/[0-9]{1,2})?$/;

/**
 * The section as the rules the semantic checks take, every rule parsed and every operation and
 * pointer checked against the vendor's documents (when all could be read: an unreadable one reports
 * itself, located, when it is loaded).
 */
export function vendorMoney(section: MoneySection | undefined, facts: DocumentFacts, place: MoneyPlace): VendorMoney {
  const operations: Record<string, OperationRules> = {};
  for (const [operation, rules] of Object.entries(section?.operations ?? {})) {
    documentedIn(operation, facts, place, ['money', 'operations'], operation);
    operations[operation] = operationRules(operation, rules, facts, place, ['money', 'operations', operation]);
  }
  const identities = (section?.identities ?? []).map((identity, index): IdentityRule => {
    const path = ['money', 'identities', index];
    identity.same.forEach((entry, at) => {
      const documented = documentedIn(entry.operation, facts, place, [...path, 'same', at, 'operation']);
      documented([...path, 'same', at, 'key'], entry.key);
      documented([...path, 'same', at, 'value'], entry.value);
    });
    return { name: identity.name, entries: identity.same.map(({ operation, key, value }) => ({ operation, key, value })), source: source(place, path) };
  });
  return {
    currencies: { declared: section?.currencies?.declared ?? {}, anyCode: section?.currencies?.anyCode ?? false },
    operations,
    identities,
  };
}

function operationRules(operation: string, rules: MoneyOperation, facts: DocumentFacts, place: MoneyPlace, path: Path): OperationRules {
  const documented = documentedIn(operation, facts, place, path);
  const expression = (at: Path, text: string): Expression => {
    const parsed = parseExpression(text);
    // The parser's problem names its column.
    if (!parsed.ok) return place.fail(at, `"${text}" does not parse: ${parsed.problem}`);
    for (const pointer of pointersOf(parsed.expression)) documented(at, pointer);
    return parsed.expression;
  };
  const condition = (at: Path, text: string | undefined) => (text === undefined ? null : expression(at, text));

  const amounts = (rules.amounts ?? []).map((amount, index): AmountRule => {
    const at = [...path, 'amounts', index];
    documented([...at, 'at'], amount.at);
    if ((amount.currency === undefined) === (amount.asset === undefined)) place.fail(at, `the amount at ${amount.at} needs either currency (a pointer to its code) or asset (CODE or CODE/N), one of them`);
    if (amount.asset !== undefined) {
      if (!ASSET.test(amount.asset)) place.fail([...at, 'asset'], `asset "${amount.asset}" is not CODE or CODE/N (upper case, e.g. USD or ETH/18)`);
      return { at: amount.at, currency: { asset: amount.asset }, source: source(place, at) };
    }
    const currency = amount.currency!;
    documented([...at, 'currency'], currency);
    if (stars(currency) > stars(amount.at)) place.fail([...at, 'currency'], `currency ${currency} has more * than the amount ${amount.at}: each * binds to the amount's, in order`);
    return { at: amount.at, currency: { pointer: currency }, source: source(place, at) };
  });
  const invariants = (rules.invariants ?? []).map((invariant, index): InvariantRule => {
    const at = [...path, 'invariants', index];
    return { text: invariant.rule, check: expression([...at, 'rule'], invariant.rule), when: condition([...at, 'when'], invariant.when), source: source(place, at) };
  });
  const presence = (['absent', 'present'] as const).flatMap((kind) =>
    (rules[kind] ?? []).map((rule, index): PresenceRule => {
      const at = [...path, kind, index];
      documented([...at, 'at'], rule.at);
      const text = rule.when === undefined ? `${rule.at} ${kind}` : `${rule.at} ${kind} when ${rule.when}`;
      return { text, at: rule.at, presence: kind, when: condition([...at, 'when'], rule.when), source: source(place, at) };
    }),
  );
  const parameters = new Set([...operation.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!));
  const echoes = Object.entries(rules.echo ?? {}).map(([parameter, pointer]): EchoRule => {
    const at = [...path, 'echo', parameter];
    if (!parameters.has(parameter)) place.fail(at, `echo: "${parameter}" is not a path parameter of ${operation} (${parameters.size ? [...parameters].join(', ') : 'it has none'})`);
    documented(at, pointer);
    return { parameter, at: pointer, source: source(place, at) };
  });
  const timestamps: TimestampRule[] = [];
  if (rules.timestamps) {
    const { created, updated, deleted } = rules.timestamps;
    const at = [...path, 'timestamps'];
    for (const [name, pointer] of Object.entries({ created, updated, deleted })) if (pointer !== undefined) documented([...at, name], pointer);
    timestamps.push({ created, updated: updated ?? null, deleted: deleted ?? null, source: source(place, at) });
  }
  return { amounts, invariants, presence, echoes, timestamps };
}

/**
 * A checker of the pointers of one operation's rules: a located error for a pointer the operation's
 * success bodies do not document, and first for an operation no document has.
 */
function documentedIn(operation: string, facts: DocumentFacts, place: MoneyPlace, path: Path, key?: string): (at: Path, pointer: string) => void {
  if (!facts.complete) return () => {};
  const body = facts.successBodies.get(operation);
  if (!body) place.fail(path, `operation "${operation}" is not in the documents`, key);
  return (at, pointer) => {
    if (!documentsPointer(body!, pointer)) place.fail(at, `${pointer} is not in the success response of ${operation} (${body!.file})`);
  };
}

function source(place: MoneyPlace, path: Path): { origin: 'vendor-file'; file: string; line: number } {
  return { origin: 'vendor-file', file: place.file, line: place.line(path) };
}

function stars(pointer: string): number {
  return pointer.split('/').filter((segment) => segment === '*').length;
}
