import type { LoadedSpec, Operation } from '../../spec/index.ts';
import type { CredentialUse } from '../../vendors/index.ts';
import { fixture, type FixtureRef } from '../case.ts';
import type { ExpectedStatus } from '../../results/index.ts';
import { operationParameters, pathParameterNames, requiresBody, type Parameter } from './parameters.ts';
import { expectedStatus } from './statuses.ts';
import type { CoverageEntry, DerivedCase, DerivedSuite, DeriveInput } from './types.ts';
import { heldShape, malformedValue, unknownValue, type Derived } from './values.ts';

const SAFE_METHODS = ['GET', 'HEAD'];

/**
 * The cases a vendor's documents imply, and what became of each operation. Pure and deterministic:
 * operations in document order (the first document that has an operation wins), cases in a fixed
 * order per operation, names "GET /accounts/{id}: unknown id". Linear in the number of operations;
 * only operations the fixtures reach get cases.
 */
export function deriveCases(input: DeriveInput): DerivedSuite {
  const cases: DerivedCase[] = [];
  const coverage: CoverageEntry[] = [];
  const lists = { include: input.include && new Set(input.include), exclude: new Set(input.exclude) };
  for (const { spec, operation } of firstOfEachOperation(input.specs)) {
    const entry = deriveOperation(input, lists, spec, operation);
    cases.push(...entry.cases);
    coverage.push({ ...entry.coverage, cases: entry.cases.map((c) => c.name) });
  }
  return { cases, coverage };
}

function firstOfEachOperation(specs: readonly LoadedSpec[]): Array<{ spec: LoadedSpec; operation: Operation }> {
  const seen = new Set<string>();
  return specs.flatMap((spec) => spec.operations.filter((operation) => !seen.has(operation.key) && seen.add(operation.key)).map((operation) => ({ spec, operation })));
}

type Outcome = { cases: DerivedCase[]; coverage: Omit<CoverageEntry, 'cases'> };

function deriveOperation(input: DeriveInput, lists: { include?: Set<string>; exclude: Set<string> }, spec: LoadedSpec, operation: Operation): Outcome {
  const skipped = (state: CoverageEntry['state'], reason: string, missingFixtures: string[] = []): Outcome => ({ cases: [], coverage: { operation: operation.key, state, reason, missingFixtures, notDerived: [] } });
  if (lists.include && !lists.include.has(operation.key)) return skipped('excluded', 'not in the include list');
  if (lists.exclude.has(operation.key)) return skipped('excluded', 'in the exclude list');
  const safe = SAFE_METHODS.includes(operation.method);
  if (!safe && !input.allowUnsafe) return skipped('unsafe', `${operation.method} may change the vendor's data: derived only when unsafe methods are allowed`);
  if (!safe && requiresBody(spec.document, operation)) return skipped('not-reachable', 'it requires a request body, which derived cases do not send');

  const parameters = operationParameters(spec.document, operation);
  const pathNames = pathParameterNames(operation.path);
  const query = requiredQuery(parameters, input.fixtures);
  const missing = [...pathNames.filter((name) => !configured(input.fixtures, name)), ...query.missing];
  if (missing.length > 0) return skipped('not-reachable', `needs the fixture${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, missing);

  const known = Object.fromEntries(pathNames.map((name) => [name, fixture(name)]));
  const resource = pathNames.at(-1);
  const exists = resource === undefined ? undefined : `${resourceNoun(operation.path, resource)} {${resource}} exists`;
  const cases: DerivedCase[] = [];
  const notDerived: string[] = [];
  const add = (kind: string, status: ExpectedStatus | null, why: string, derived: Omit<DerivedCase, 'name' | 'operation' | 'expectStatus' | 'query'>) => {
    if (status === null) notDerived.push(`${kind}: ${why}`);
    else cases.push({ name: `${operation.key}: ${kind}`, operation: operation.key, ...derived, expectStatus: status, query: query.values });
  };

  add('success', expectedStatus(operation, '2XX', []), 'no 2xx response is documented', { params: known, providerState: exists });
  if (resource !== undefined) {
    const parameter = parameters.find((p) => p.in === 'path' && p.name === resource);
    const fixtureValue = input.fixtures[resource]!;
    const shape = heldShape(parameter, fixtureValue);
    const variant = (kind: string, preferred: number[], value: Derived, providerState?: string) => {
      const why = `no ${preferred.join(' or ')} (nor 4XX or default) is documented`;
      if ('reason' in value) notDerived.push(`${kind}: ${value.reason}`);
      else add(kind, expectedStatus(operation, '4XX', preferred), why, { params: { ...known, [resource]: value.value }, providerState });
    };
    variant(`unknown ${resource}`, [404], unknownValue(shape, fixtureValue, parameter?.examples ?? []), `${resourceNoun(operation.path, resource)} {${resource}} does not exist`);
    variant(`malformed ${resource}`, [400, 422], malformedValue(shape));
  }
  if (input.securityNamed || requiresCredential(operation)) {
    const withCredential = (kind: string, credential: CredentialUse, status: number) => add(kind, status, '', { params: known, credential, providerState: exists });
    withCredential('missing credentials', 'none', 401);
    withCredential('invalid credentials', 'invalid', 401);
    // Only where the document says what a key without the scope gets: an undocumented 403 is no promise.
    if (input.limitedCredential) add('insufficient scope', expectedStatus(operation, '4XX', [403]), 'no 403 (nor 4XX or default) is documented', { params: known, credential: 'limited', providerState: exists });
  } else notDerived.push('credentials: the operation declares no security and the vendor file names none');
  return { cases, coverage: { operation: operation.key, state: 'exercised', reason: null, missingFixtures: [], notDerived } };
}

function configured(fixtures: DeriveInput['fixtures'], name: string): boolean {
  return Object.hasOwn(fixtures, name) && typeof fixtures[name] === 'string' && fixtures[name] !== '';
}

/**
 * Required query parameters: the fixture of the same name when configured, else the document's first
 * example (or default, or first enum value). One with none of these needs a fixture. Optional ones are never sent.
 */
function requiredQuery(parameters: Parameter[], fixtures: DeriveInput['fixtures']): { values: Record<string, string | FixtureRef>; missing: string[] } {
  const values: Record<string, string | FixtureRef> = {};
  const missing: string[] = [];
  for (const parameter of parameters.filter((p) => p.in === 'query' && p.required)) {
    const documented = [...parameter.examples, ...(parameter.shape.enum ?? [])].find((value) => ['string', 'number', 'boolean'].includes(typeof value));
    if (configured(fixtures, parameter.name)) values[parameter.name] = fixture(parameter.name);
    else if (documented !== undefined) values[parameter.name] = String(documented);
    else missing.push(parameter.name);
  }
  return { values, missing };
}

/** Credentials are needed unless the document declares no security, or offers an empty (anonymous) alternative. */
function requiresCredential(operation: Operation): boolean {
  return operation.security.length > 0 && operation.security.every((requirement) => Object.keys(requirement).length > 0);
}

/** "ledger_accounts" for {id} of /ledger_accounts/{id}: the literal segment naming the resource, else the parameter. */
function resourceNoun(path: string, parameter: string): string {
  const segments = path.split('/');
  const at = segments.indexOf(`{${parameter}}`);
  const before = segments[at - 1];
  return before && !before.includes('{') ? before : parameter;
}
