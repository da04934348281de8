import type { ErrorObject, ValidateFunction } from 'ajv';
import type { FindingId } from '../findings/index.ts';
import { excerpt } from '../findings/index.ts';
import { escapeSegment, getAtPointer } from '../json/index.ts';

/** One way a JSON value breaks its schema, located by a pointer into that value. */
export interface Violation {
  id: FindingId;
  pointer: string;
  expected: string | null;
  observed: string | null;
}

/** What the converter needs to know about the document a validator came from. */
export interface ValidatedDocument {
  /** Validator for a subschema, found by the subschema object itself (its place in the document). */
  validatorFor(schema: object): ValidateFunction | undefined;
  /**
   * Property names a schema declares through $ref and allOf; with `branches`, also through oneOf and
   * anyOf (names that some variant declares).
   */
  declaredNames(schema: object, branches: boolean): ReadonlySet<string>;
}

type Errors = ErrorObject[];

/**
 * Converts ajv's errors into violations, in the one place that knows ajv's error shapes. Two kinds of
 * ajv noise are resolved here rather than shown to a user:
 * - a failing oneOf/anyOf lists the errors of every branch; the branch the value most nearly matches
 *   is found by validating each branch on its own, and only its errors are reported;
 * - `unevaluatedProperties` (our undocumented-property probe) also reports properties of branches that
 *   failed; where anything else failed in that object, only names no branch declares are kept.
 */
export function violationsOf(validate: ValidateFunction, data: unknown, document: ValidatedDocument, base = ''): Violation[] {
  if (validate(data)) return [];
  return convert([...(validate.errors ?? [])], data, document, base);
}

function convert(errors: Errors, data: unknown, document: ValidatedDocument, base: string): Violation[] {
  const composites = errors.filter(isFailedComposite);
  const insideComposite = composites.length === 0 ? () => false : insideOtherThan(composites);
  // A value of the wrong type fails other keywords too (an ambiguous oneOf for null); the type says it all.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type' && !insideComposite(e)).map((e) => e.instancePath));
  let failedWithin: ReadonlySet<string> | undefined;
  const violations: Violation[] = [];
  for (const error of errors) {
    if (insideComposite(error)) continue;
    if (error.keyword !== 'type' && wrongType.has(error.instancePath)) continue;
    if (isFailedComposite(error)) violations.push(...bestBranch(error, data, document, base));
    else if (error.keyword === 'unevaluatedProperties') {
      failedWithin ??= pathsAbove(errors.filter((e) => e.keyword !== 'unevaluatedProperties'));
      if (isCredible(error, failedWithin.has(error.instancePath), document)) violations.push(undocumented(error, base));
    } else violations.push(classify(error, base));
  }
  return dedupe(violations);
}

/**
 * Whether an error lies within (at or below the value of) a failed composite other than itself. Each
 * error looks up its own ancestors, so the cost is the errors' depth, not errors times composites.
 */
function insideOtherThan(composites: Errors): (error: ErrorObject) => boolean {
  const compositesAt = new Map<string, number>();
  for (const c of composites) compositesAt.set(c.instancePath, (compositesAt.get(c.instancePath) ?? 0) + 1);
  return (error) => {
    const here = compositesAt.get(error.instancePath) ?? 0;
    if (here > (isFailedComposite(error) ? 1 : 0)) return true;
    for (let path = error.instancePath; path !== ''; ) {
      path = path.slice(0, path.lastIndexOf('/'));
      if (compositesAt.has(path)) return true;
    }
    return false;
  };
}

/** Every instance path at or above one of the errors: "did anything fail within this value" in one lookup. */
function pathsAbove(errors: Errors): Set<string> {
  const paths = new Set<string>();
  for (const { instancePath } of errors) {
    for (let path = instancePath; !paths.has(path); path = path.slice(0, path.lastIndexOf('/'))) {
      paths.add(path);
      if (path === '') break;
    }
  }
  return paths;
}

function isFailedComposite(error: ErrorObject): boolean {
  return (error.keyword === 'oneOf' || error.keyword === 'anyOf') && !Array.isArray(error.params.passingSchemas);
}

function bestBranch(error: ErrorObject, data: unknown, document: ValidatedDocument, base: string): Violation[] {
  const branches = (error.schema as unknown[]) ?? [];
  const value = getAtPointer(data, error.instancePath);
  const fitting = failedBranches(branches.map((branch) => (typeof branch === 'object' && branch !== null ? document.validatorFor(branch) : undefined)), value);
  const at = base + error.instancePath;
  if (fitting.length === 0) {
    const types = branches.flatMap((b) => [(b as { type?: unknown })?.type ?? []].flat()).map(String);
    return [{ id: 'response-property-type-mismatch', pointer: at, expected: types.length ? [...new Set(types)].join(' or ') : `one of ${branches.length} schemas`, observed: jsonType(value) }];
  }
  const best = nearestBranch(fitting);
  if (!best) return [unknownVariant(fitting.map((c) => c.branchErrors), at)];
  return [...convert(best.branchErrors, value, document, at), ...undocumentedBesideBranch(error, branches[best.index] as object, value, document, at)];
}

/** A branch of a oneOf/anyOf that a value failed, though it is of the branch's JSON type. */
interface FailedBranch {
  index: number;
  /** A const on a direct property (a tag like typename: User) failed: another variant was meant. */
  otherVariant: boolean;
  branchErrors: Errors;
}

/** Each branch the value fails but is of the type of; a branch that passes or cannot compile is not among them. */
function failedBranches(validators: ReadonlyArray<ValidateFunction | undefined>, value: unknown): FailedBranch[] {
  return validators.flatMap((validate, index) => {
    if (!validate || validate(value)) return [];
    return failure(index, validate) ?? [];
  });
}

function failure(index: number, failed: ValidateFunction): FailedBranch | null {
  const branchErrors = [...(failed.errors ?? [])];
  if (branchErrors.some((e) => e.instancePath === '' && e.keyword === 'type')) return null;
  return { index, otherVariant: branchErrors.some((e) => e.keyword === 'const' && e.instancePath.lastIndexOf('/') === 0), branchErrors };
}

/** The branch a value most nearly matches (fewest errors); none when every one is another variant. */
function nearestBranch(fitting: readonly FailedBranch[]): FailedBranch | undefined {
  const meant = fitting.filter((c) => !c.otherVariant);
  return meant.length === 0 ? undefined : meant.reduce((a, b) => (b.branchErrors.length < a.branchErrors.length ? b : a));
}

/**
 * The index of the branch of a oneOf/anyOf the checker holds a value to: the first that passes, else
 * the one its violations are reported against; null when none is (no branch is of the value's type,
 * or every one expects another variant).
 */
export function heldBranch(validators: ReadonlyArray<ValidateFunction | undefined>, value: unknown): number | null {
  const failed: FailedBranch[] = [];
  for (const [index, validate] of validators.entries()) {
    if (!validate) continue;
    if (validate(value)) return index;
    const branch = failure(index, validate);
    if (branch) failed.push(branch);
  }
  return nearestBranch(failed)?.index ?? null;
}

/** The closed parent of a failed oneOf could not tell what is undocumented; the best branch can. */
function undocumentedBesideBranch(error: ErrorObject, branch: object, value: unknown, document: ValidatedDocument, at: string): Violation[] {
  const parent = error.parentSchema as { unevaluatedProperties?: unknown } | undefined;
  if (parent?.unevaluatedProperties !== false || typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const declared = new Set([...document.declaredNames(parent, false), ...document.declaredNames(branch, true)]);
  return Object.entries(value)
    .filter(([name]) => !declared.has(name))
    .map(([name, property]) => ({ id: 'response-property-undocumented', pointer: `${at}/${escapeSegment(name)}`, expected: null, observed: `${escapeSegment(name)}: ${excerpt(property)}` }));
}

/** Every variant rejected the value's tag (typename: Team): one finding on the tag, listing the known tags. */
function unknownVariant(branchErrors: Errors[], at: string): Violation {
  const tagErrors = branchErrors.map((errors) => errors.find((e) => e.keyword === 'const' && e.instancePath.lastIndexOf('/') === 0)!);
  const [first] = tagErrors;
  return {
    id: 'response-property-enum-mismatch',
    pointer: at + first!.instancePath,
    expected: `one of ${excerpt(tagErrors.map((e) => e.params.allowedValue))}`,
    observed: excerpt(first!.data),
  };
}

/**
 * ajv loses evaluated properties through self-recursive $refs and failed branches, so its report is
 * checked against what the schema declares: a name declared through $ref/allOf is never undocumented,
 * and where anything else failed in the object, neither is a name some variant declares.
 */
function isCredible(error: ErrorObject, othersFailed: boolean, document: ValidatedDocument): boolean {
  const name = error.params.unevaluatedProperty as string;
  const schema = error.parentSchema as object;
  if (document.declaredNames(schema, false).has(name)) return false;
  return !othersFailed || !document.declaredNames(schema, true).has(name);
}

function undocumented(error: ErrorObject, base: string): Violation {
  const name = error.params.unevaluatedProperty as string;
  const value = (error.data as Record<string, unknown>)[name];
  return { id: 'response-property-undocumented', pointer: `${base}${error.instancePath}/${escapeSegment(name)}`, expected: null, observed: `${escapeSegment(name)}: ${excerpt(value)}` };
}

function classify(error: ErrorObject, base: string): Violation {
  const pointer = base + error.instancePath;
  // Not for `required` (the data is the whole object): only where the message shows it.
  const observed = () => excerpt(error.data);
  switch (error.keyword) {
    case 'required':
      return { id: 'response-property-missing', pointer: `${pointer}/${escapeSegment(error.params.missingProperty as string)}`, expected: 'required property', observed: 'absent' };
    case 'type':
      return { id: 'response-property-type-mismatch', pointer, expected: [error.params.type].flat().join(' or '), observed: typed(error.data) };
    case 'enum':
      return { id: 'response-property-enum-mismatch', pointer, expected: `one of ${excerpt(error.params.allowedValues)}`, observed: observed() };
    case 'const':
      return { id: 'response-property-enum-mismatch', pointer, expected: excerpt(error.params.allowedValue), observed: observed() };
    case 'format':
      return { id: 'response-property-format-mismatch', pointer, expected: `format ${error.params.format}`, observed: observed() };
    case 'additionalProperties': {
      const name = error.params.additionalProperty as string;
      return { id: 'response-property-undocumented', pointer: `${pointer}/${escapeSegment(name)}`, expected: null, observed: `${escapeSegment(name)}: ${excerpt((error.data as Record<string, unknown>)[name])}` };
    }
    default:
      return { id: 'response-body-schema-mismatch', pointer, expected: `${error.keyword} ${excerpt(error.schema)}`, observed: observed() };
  }
}

function dedupe(violations: Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = `${v.id} ${v.pointer}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "string \"6.9\"": the JSON type first, since that is what a type mismatch is about. */
function typed(value: unknown): string {
  return value === null ? 'null' : `${jsonType(value)} ${excerpt(value)}`;
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
