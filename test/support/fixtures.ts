import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { NO_SEMANTIC_INPUT, type CheckOptions, type CurrencyPolicy, type ObservedResponse } from '../../src/checks/index.ts';
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
  /** The request's path parameters (an answer to a request, not a body checked alone) and the vendor's currencies. */
  semantic?: { params?: Record<string, string>; currencies?: CurrencyPolicy };
  expect: Array<[string, string | null, string]>;
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

/** How a fixture is checked: as the suites check a response (integrity checks included), with its request's path parameters. */
export function fixtureOptions(fixture: CheckFixture): CheckOptions {
  const { params = null, currencies = NO_SEMANTIC_INPUT.currencies } = fixture.semantic ?? {};
  return { integrity: true, semantic: { ...NO_SEMANTIC_INPUT, params, currencies } };
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
