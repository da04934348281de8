import { resolve } from 'node:path';
import { checkInspected, inspectResponse, NO_RULES, type SemanticInput } from '../checks/index.ts';
import { displayFinding, messageOf, type Finding, type Severity, type SeverityOverrides } from '../findings/index.ts';
import { withSeverity } from '../judge/index.ts';
import { bodyKnowledge, ListedPointers, maskResponse } from '../privacy/index.ts';
import { readEnvironment, severityOverrides } from '../run/index.ts';
import type { Operation } from '../spec/index.ts';
import { loadVendors, type VendorDefinition } from '../vendors/index.ts';
import { observedResponse, type ResponseLike } from './response.ts';
import { loadedOf, type Spec } from './spec.ts';

/** A finding with the severity it was judged at and its message: what checkResponse returns. */
export type CheckedFinding = Finding & { severity: Severity; message: string };

export interface CheckOptions {
  /** Where vendors/*.yaml (whose money rules apply to a document they list) and .env are read; default process.cwd(). */
  cwd?: string;
  /** A severity per finding ID in place of the default; default: CONFORM_SEVERITY from `env` and cwd's .env. */
  severity?: SeverityOverrides;
  /** Default process.env. */
  env?: Record<string, string | undefined>;
  /** Quote the body as written in findings, personal data and all: for a body the caller saved and alone sees (`conform check`); default false. */
  unmasked?: boolean;
}

export interface CheckResult {
  /** The operation as the document keys it ("GET /ledger_accounts/{id}"). */
  operation: string;
  /** Every check's findings, the semantic ones included; expected and observed cut for display. */
  findings: CheckedFinding[];
  /** The vendor file whose money rules the semantic checks applied (the first listing the document), else null. */
  moneyRules: string | null;
}

/** An operation the document does not have; the message lists those it has. */
export class UnknownOperationError extends Error {
  constructor(file: string, given: string, operations: readonly string[]) {
    super(`${file} has no operation "${given}" (it has: ${operations.join('; ')})`);
    this.name = 'UnknownOperationError';
  }
}

/**
 * Checks one response against an operation of a vendor document: every response check, the
 * duplicate-key check and the semantic (money) checks one body allows. No request was made, so rules
 * that echo path parameters skip. `operation` is "METHOD /path" as the document writes the path.
 * What the findings quote of the body is masked as a run masks it (docs/privacy.md): they end up in logs.
 */
export async function checkResponse(spec: Spec, operation: string, response: ResponseLike, options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const loaded = loadedOf(spec);
  const found = operationNamed(loaded.operations, loaded.file, operation);
  const observed = await observedResponse(response);
  const vendor = vendorListing(loaded.file, cwd);
  const semantic: SemanticInput | undefined = vendor ? { declared: vendor.money.operations[found.key] ?? NO_RULES, currencies: vendor.money.currencies, params: null } : undefined;
  const severity = options.severity ?? severityOverrides(readEnvironment(cwd, options.env ?? process.env));
  const inspected = inspectResponse(loaded, found, observed, semantic);
  const facts = checkInspected(inspected, { integrity: true });
  // Masked as a run masks them in its suite worker (src/privacy): a finding quotes a body value only where the body may show it.
  const shownFacts = options.unmasked
    ? facts
    : maskResponse(
        { ...observed, truncated: observed.truncated ?? false, parsed: inspected.json?.ok ? inspected.json : undefined, findings: facts, branches: {} },
        bodyKnowledge(loaded, inspected.media?.schemaPointer ?? null, [], new ListedPointers(vendor?.nonPersonal ?? [])),
      ).findings;
  const findings = withSeverity(shownFacts, severity).map((finding) => {
    const shown = displayFinding(finding);
    return { ...shown, message: messageOf(shown) };
  });
  return { operation: found.key, findings, moneyRules: vendor?.file ?? null };
}

/** The operation as the document keys it, from "get  /path" written loosely; throws UnknownOperationError when it has none such. */
export function operationKey(spec: Spec, operation: string): string {
  const loaded = loadedOf(spec);
  return operationNamed(loaded.operations, loaded.file, operation).key;
}

function operationNamed(operations: readonly Operation[], file: string, given: string): Operation {
  const [method = '', ...path] = given.trim().split(/\s+/);
  const key = `${method.toUpperCase()} ${path.join(' ')}`;
  const found = operations.find((o) => o.key === key);
  if (!found) throw new UnknownOperationError(file, given, operations.map((o) => o.key));
  return found;
}

/** The vendor whose file lists the document (the first in run order): its money rules apply. */
function vendorListing(spec: string, cwd: string): VendorDefinition | null {
  const file = resolve(cwd, spec);
  return loadVendors(cwd).find((vendor) => vendor.specs.some((listed) => resolve(cwd, listed) === file)) ?? null;
}
