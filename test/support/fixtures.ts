import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { NO_RULES, NO_SEMANTIC_INPUT, type CheckOptions, type CurrencyPolicy, type ObservedResponse, type OperationRules, type RuleSource } from '../../src/checks/index.ts';
import { parseExpression } from '../../src/checks/semantic/expression.ts';
import type { Expression } from '../../src/checks/semantic/rules.ts';
import { applyPatch, type PatchOperation } from './json-patch.ts';
import { FIXTURES } from './paths.ts';

/** One saved response and the exact findings it must produce, as [id, pointer, severity]. */
export interface CheckFixture {
  name: string;
  spec: string;
  operation: string;
  status: number;
  /** Default application/json; null sends no Content-Type header. */
  contentType?: string | null;
  headers?: Record<string, string>;
  base?: string;
  patch?: PatchOperation[];
  body?: unknown;
  bodyText?: string;
  bodyBase64?: string;
  /** The client stopped reading at its size cap (response-body-too-large). */
  truncated?: boolean;
  /** Money rules the operation is held to, as a vendor file would declare them, in the rule language. */
  rules?: FixtureRules;
  /** The request's path parameters (an answer to a request, not a body checked alone) and the vendor's currencies. */
  semantic?: { params?: Record<string, string>; currencies?: CurrencyPolicy };
  expect: Array<[string, string | null, string]>;
}

export interface FixtureRules {
  invariants?: Array<{ check: string; when?: string }>;
  presence?: Array<{ at: string; presence: 'absent' | 'present'; when?: string }>;
}

/** A fixture's rules as a vendor file's would be declared (none: the operation declares none). */
function declaredRules({ rules }: CheckFixture): OperationRules {
  if (rules === undefined) return NO_RULES;
  const source: RuleSource = { origin: 'vendor-file', file: 'test fixture', line: 1 };
  const when = (text: string | undefined) => (text === undefined ? null : expression(text));
  return {
    ...NO_RULES,
    invariants: (rules.invariants ?? []).map((rule) => ({ text: rule.check, check: expression(rule.check), when: when(rule.when), source })),
    presence: (rules.presence ?? []).map((rule) => ({ text: `${rule.at} ${rule.presence}${rule.when ? ` when ${rule.when}` : ''}`, ...rule, when: when(rule.when), source })),
  };
}

function expression(text: string): Expression {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(`fixture rule ${text}: ${parsed.problem}`);
  return parsed.expression;
}

/** The checks that have a fixture file (test/fixtures/checks/<check module>.yaml). */
export function checkFixtureNames(): string[] {
  return readdirSync(join(FIXTURES, 'checks'))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort();
}

/** The saved response of a fixture, as the client would have observed it. */
export function fixtureResponse(fixture: CheckFixture): ObservedResponse {
  return { status: fixture.status, headers: fixtureHeaders(fixture), body: fixtureBody(fixture), truncated: fixture.truncated ?? false };
}

/** How a fixture is checked: as the suites check a response (integrity checks included), with its rules and its request's path parameters. */
export function fixtureOptions(fixture: CheckFixture): CheckOptions {
  const { params = null, currencies = NO_SEMANTIC_INPUT.currencies } = fixture.semantic ?? {};
  return { integrity: true, semantic: { declared: declaredRules(fixture), params, currencies } };
}

export function readCheckFixtures(check: string): CheckFixture[] {
  return parse(readFileSync(join(FIXTURES, 'checks', `${check}.yaml`), 'utf8')) as CheckFixture[];
}

export function fixtureBody(fixture: CheckFixture): Uint8Array {
  if (fixture.bodyBase64 !== undefined) return Buffer.from(fixture.bodyBase64, 'base64');
  if (fixture.bodyText !== undefined) return Buffer.from(fixture.bodyText, 'utf8');
  const base = fixture.base === undefined ? fixture.body : readBody(fixture.base);
  return Buffer.from(JSON.stringify(applyPatch(base, fixture.patch ?? [])), 'utf8');
}

export function readBody(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, 'bodies', name), 'utf8'));
}

export function fixtureHeaders(fixture: CheckFixture): Record<string, string> {
  const contentType = fixture.contentType === undefined ? 'application/json' : fixture.contentType;
  return { ...(contentType === null ? {} : { 'content-type': contentType }), ...fixture.headers };
}
