import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkResponse } from '../../src/checks/index.ts';
import { messageOf } from '../../src/findings/finding.ts';
import type { SeverityOverrides } from '../../src/findings/severity.ts';
import { withSeverity } from '../../src/judge/index.ts';
import type { CheckOptions } from '../../src/checks/index.ts';
import { loadSpec } from '../../src/spec/load.ts';
import type { LoadedSpec } from '../../src/spec/types.ts';

const SPEC = {
  openapi: '3.1.0',
  info: { title: 'Cap', version: '1' },
  paths: {
    '/things': get({ type: 'object', properties: { id: { type: 'string' } } }),
    '/maps': get({ type: 'object', additionalProperties: { type: 'string' } }),
  },
};

function get(schema: object) {
  return { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } } };
}

let spec: LoadedSpec;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'conform-cap-'));
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(SPEC));
  spec = await loadSpec('spec.json', { cwd: dir });
});

const keys = (n: number, value: (i: number) => string) => Array.from({ length: n }, (_, i) => `"k${i}":${value(i)}`).join(',');

// Checked, then judged under `severity` as a run would: the checks list, the judge rates.
function check(path: string, body: string, options: CheckOptions = {}, severity: SeverityOverrides = {}) {
  const operation = spec.operations.find((o) => o.key === `GET ${path}`)!;
  const findings = withSeverity(checkResponse(spec, operation, { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) }, options), severity);
  return { findings, summary: findings.find((f) => f.id === 'response-findings-truncated') };
}

describe('findings per response are capped at 100, the rest counted in one summary', () => {
  it('lists 100 findings in full, with no summary', () => {
    const { findings, summary } = check('/things', `{${keys(100, String)}}`);
    expect(findings).toHaveLength(100);
    expect(summary).toBeUndefined();
  });

  it('lists the first 100 of 101 and counts the one left, by ID', () => {
    const { findings, summary } = check('/things', `{${keys(101, String)}}`);
    expect(findings.map((f) => f.pointer)).toEqual([...Array.from({ length: 100 }, (_, i) => `/k${i}`), null]);
    expect(summary).toMatchObject({
      severity: 'info',
      pointer: null,
      expected: 'at most 100 findings listed',
      observed: '1 more: response-property-undocumented 1',
      covers: ['response-property-undocumented'],
    });
    expect(messageOf(summary!)).toBe('GET /things 200 has more findings than listed (at most 100 findings listed): 1 more: response-property-undocumented 1');
  });

  it('lists breaking findings before lesser ones, wherever they are in the body', () => {
    const { findings, summary } = check('/things', `{${keys(150, String)},"id":7}`);
    expect(findings.filter((f) => f.severity === 'breaking').map((f) => f.pointer)).toEqual(['/id']);
    expect(summary?.observed).toBe('51 more: response-property-undocumented 51');
  });

  it('makes the summary as severe as the most severe finding it counts, so the response still fails', () => {
    const { summary } = check('/maps', `{${keys(150, String)}}`);
    expect(summary).toMatchObject({ severity: 'breaking', observed: '50 more: response-property-type-mismatch 50' });
  });

  it('follows CONFORM_SEVERITY for what it counts, and cannot be set below it', () => {
    const body = `{${keys(150, String)}}`;
    expect(check('/maps', body, {}, { 'response-property-type-mismatch': 'info' }).summary?.severity).toBe('info');
    expect(check('/maps', body, {}, { 'response-findings-truncated': 'info' }).summary?.severity).toBe('breaking');
    expect(check('/things', `{${keys(150, String)}}`, {}, { 'response-findings-truncated': 'warning' }).summary?.severity).toBe('warning');
  });

  it('counts duplicate keys past the cap without spelling them out, beside what else it counts', () => {
    const repeated = Array.from({ length: 150 }, (_, i) => `"a${i}":1,"a${i}":2`).join(',');
    const { findings, summary } = check('/things', `{"id":"x","id":"y","k":{${repeated}}}`, { integrity: true });
    const duplicates = findings.filter((f) => f.id === 'response-body-duplicate-key');
    expect(duplicates).toHaveLength(100);
    expect(duplicates[1]).toMatchObject({ pointer: '/k/a0', observed: 'kept 2' });
    // Warnings are listed before the one info finding (the undocumented "k"), which is counted instead.
    expect(summary).toMatchObject({ severity: 'warning', observed: '52 more: response-property-undocumented 1, response-body-duplicate-key 51' });
  });

  it('spells out duplicate keys until their pointers are as long as the body, and counts the rest even under 100', () => {
    // Innermost first: 50 duplicates whose pointers add up to 2,650 characters, in a body of 917.
    const body = `{"id":"x","k":${'{"x":'.repeat(50)}{}${',"d":1,"d":2}'.repeat(50)}}`;
    const { findings, summary } = check('/things', body, { integrity: true });
    const duplicates = findings.filter((f) => f.id === 'response-body-duplicate-key');
    expect(duplicates.map((f) => f.pointer!.length)).toEqual(Array.from({ length: 10 }, (_, i) => 102 - 2 * i));
    expect(summary).toMatchObject({ severity: 'warning', observed: '40 more: response-body-duplicate-key 40' });
  });
});
