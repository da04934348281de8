import { mkdtemp, rm } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { joinPointer } from '../json/index.ts';
import { NO_SECRETS, writeFileAtomically } from '../files/index.ts';
import { OAuth2TokenError } from '../http/index.ts';
import { redactStrings, secretForms } from '../redaction/index.ts';
import { missingCredential, targetAuth, type TargetAuth } from '../run/index.ts';
import { ConfigError, type CredentialUse, type VendorTarget } from '../vendors/index.ts';
import type { StoredContract, StoredInteraction } from './contract-file.ts';
import { interactionRequests, isUnsafe, unavailableStatus } from './interaction-requests.ts';
import { runVerifier } from './run-verifier.ts';
import type { VerifierAnswer } from './verifier-process.ts';

export interface ContractMismatch {
  /** RFC 6901 pointer into the response body; null for status and header mismatches. */
  pointer: string | null;
  text: string;
}

export type InteractionOutcome = 'verified' | 'broken' | 'skipped' | 'error';

export interface InteractionVerdict extends StoredInteraction {
  outcome: InteractionOutcome;
  mismatches: ContractMismatch[];
  /** Why it was skipped, or why it could not be verified. */
  reason: string | null;
}

export interface ContractVerification {
  vendor: string;
  file: string;
  interactions: InteractionVerdict[];
  /** Set when the verifier could not run at all (then `interactions` is empty). */
  problem: string | null;
}

/**
 * Verifies a stored contract against a vendor target with the Pact Verifier, each request carrying
 * the credential its case used. An interaction whose credential the target lacks is still sent (it
 * is a GET) but skipped, as `conform run` skips its case. A production target is sent only the
 * GET and HEAD interactions: the others never reach the verifier, and are skipped.
 */
export async function verifyContract(target: VendorTarget, contract: StoredContract): Promise<ContractVerification> {
  let auth: TargetAuth;
  try {
    auth = targetAuth(target);
  } catch (error) {
    if (error instanceof ConfigError) return { vendor: target.vendor, file: contract.file, interactions: [], problem: error.message };
    throw error;
  }
  const verification = await verifyWith(target, auth, contract);
  // The oauth2 tokens obtained here are known to no one else: they leave redacted.
  const tokens = auth.secrets();
  return tokens.length === 0 ? verification : redactStrings(verification, secretForms(tokens));
}

async function verifyWith(target: VendorTarget, auth: TargetAuth, contract: StoredContract): Promise<ContractVerification> {
  const base = { vendor: target.vendor, file: contract.file };
  let credentialHeaders: Record<CredentialUse, Record<string, string>>;
  try {
    credentialHeaders = await headersOfEachUse(target, auth);
  } catch (error) {
    if (error instanceof OAuth2TokenError) return { ...base, interactions: [], problem: error.message };
    throw error;
  }
  const requests = interactionRequests(contract.text);
  // Verdicts, and the production filter, are matched by description: two alike would be told apart by neither.
  if (requests.size !== contract.interactions.length) return { ...base, interactions: [], problem: 'two interactions share a description: conform cannot tell their verdicts apart (descriptions must be unique)' };
  const refused = new Set(target.production ? [...requests].filter(([, request]) => isUnsafe(request)).map(([description]) => description) : []);
  const run = await verifyOnly(contract, refused, (contractFile) =>
    runVerifier({ contractFile, provider: target.vendor, providerBaseUrl: target.baseUrl, credentialHeaders, production: target.production }),
  );
  if ('problem' in run) return { ...base, interactions: [], problem: run.problem };
  let report: VerifierReport;
  try {
    report = JSON.parse(run.report) as VerifierReport;
  } catch {
    return { ...base, interactions: [], problem: `the Pact Verifier could not run: ${run.report}` };
  }
  const errors = errorsByInteraction(report, contract.interactions);
  const ran = report.interactionResults ? new Set(report.interactionResults.map((r) => r.description)) : null;
  const interactions = contract.interactions.map((interaction): InteractionVerdict => {
    const request = requests.get(interaction.description);
    if (refused.has(interaction.description)) return { ...interaction, outcome: 'skipped', mismatches: [], reason: `${request!.method} is never sent to a production target` };
    const skip = missingCredential(target, interaction.credential);
    if (skip) return { ...interaction, outcome: 'skipped', mismatches: [], reason: skip };
    // An answer that says the vendor was unavailable verifies nothing, whatever it mismatched.
    const status = request ? unavailableStatus(request, run.unavailable) : null;
    if (status !== null) return { ...interaction, outcome: 'error', mismatches: [], reason: `UNAVAILABLE: the vendor answered ${status} ${STATUS_CODES[status] ?? ''}`.trim() };
    const error = errors.get(interaction.description);
    if (error?.type === 'error') return { ...interaction, outcome: 'error', mismatches: [], reason: clean(error.message ?? 'the verifier could not verify it') };
    // Pact reports mismatches in hash order: sorted, the report reads the same on every run.
    const mismatches = (error?.mismatches ?? []).map(toMismatch).sort(byLocation);
    if (mismatches.length > 0) return { ...interaction, outcome: 'broken', mismatches, reason: null };
    if (ran && !ran.has(interaction.description)) return { ...interaction, outcome: 'error', mismatches: [], reason: 'the verifier did not run it' };
    return { ...interaction, outcome: 'verified', mismatches: [], reason: null };
  });
  return { ...base, interactions, problem: null };
}

/**
 * Runs the verifier on the contract without the `left out` interactions: on a copy of the file in a
 * private temporary folder, removed afterwards. With nothing left, the verifier does not run.
 */
async function verifyOnly(contract: StoredContract, leftOut: ReadonlySet<string>, verify: (file: string) => Promise<VerifierAnswer>): Promise<VerifierAnswer> {
  if (leftOut.size === 0) return verify(contract.file);
  const pact = JSON.parse(contract.text) as { interactions: Array<{ description?: unknown }> };
  pact.interactions = pact.interactions.filter((interaction) => !leftOut.has(String(interaction.description ?? '')));
  if (pact.interactions.length === 0) return { report: '{}', unavailable: [] };
  const dir = await mkdtemp(join(tmpdir(), 'conform-verify-'));
  try {
    // A part of a stored contract, which was redacted when it was written. mkdtemp's folder is private (0700).
    return await verify(await writeFileAtomically(join(dir, 'contract.json'), JSON.stringify(pact), NO_SECRETS));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The verifier names an interaction "Verifying a pact between C and P [Given S] - DESCRIPTION". */
function errorsByInteraction(report: VerifierReport, interactions: readonly StoredInteraction[]): Map<string, VerifierError['mismatch']> {
  const byLength = [...interactions].sort((a, b) => b.description.length - a.description.length);
  const errors = new Map<string, VerifierError['mismatch']>();
  for (const error of report.errors ?? []) {
    const owner = byLength.find((i) => String(error.interaction ?? '').endsWith(` - ${i.description}`));
    if (owner && error.mismatch) errors.set(owner.description, error.mismatch);
  }
  return errors;
}

function toMismatch(mismatch: PactMismatch): ContractMismatch {
  const text = clean(mismatch.mismatch ?? JSON.stringify(mismatch));
  if (mismatch.type === 'StatusMismatch') return { pointer: null, text: `status: ${text}` };
  if (mismatch.type === 'BodyMismatch' && typeof mismatch.path === 'string') return { pointer: pactPathToPointer(mismatch.path), text };
  return { pointer: null, text };
}

function byLocation(a: ContractMismatch, b: ContractMismatch): number {
  const key = (m: ContractMismatch) => `${m.pointer === null ? 0 : 1}\u0000${m.pointer ?? ''}\u0000${m.text}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** Pact's "$.balances[0].currency" (or "$['a key']") as "/balances/0/currency"; null when it is not a body path. */
export function pactPathToPointer(path: string): string | null {
  if (!path.startsWith('$')) return null;
  const segments: string[] = [];
  const step = /\.([^.[\]]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]/y;
  for (let rest = path.slice(1); rest !== ''; ) {
    step.lastIndex = 0;
    const match = step.exec(rest);
    if (!match) return null;
    segments.push(match[1] ?? match[2] ?? match[3]!.replace(/\\(.)/g, '$1'));
    rest = rest.slice(match[0].length);
  }
  return joinPointer('', ...segments);
}

function clean(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '').replace(/\s+/g, ' ').trim();
}

/** The parts of pact-core's JSON verification report read here. */
interface VerifierReport {
  errors?: VerifierError[];
  interactionResults?: Array<{ description?: string; result?: string }>;
}

interface VerifierError {
  interaction?: string;
  mismatch?: { type?: string; message?: string; mismatches?: PactMismatch[] };
}

interface PactMismatch {
  type?: string;
  path?: string;
  mismatch?: string;
}

/** The auth headers each credential kind sends to this target (none for `none`, or for a kind it lacks). */
async function headersOfEachUse(target: VendorTarget, auth: TargetAuth): Promise<Record<CredentialUse, Record<string, string>>> {
  const uses: CredentialUse[] = ['valid', 'none', 'invalid', 'limited'];
  const headers = await Promise.all(uses.map((use) => (missingCredential(target, use) === null && use !== 'none' ? auth.headers(use) : {})));
  return Object.fromEntries(uses.map((use, i) => [use, headers[i]!])) as Record<CredentialUse, Record<string, string>>;
}
