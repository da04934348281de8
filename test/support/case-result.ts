import type { CaseResult } from '../../src/results/index.ts';

/** A sandbox case that got a small JSON answer, as a suite worker hands it to the run; `response: null` for one never answered. */
export function answeredCase(vendor: string, name: string, response: Partial<NonNullable<CaseResult['response']>> | null = {}): CaseResult {
  const body = { id: `acc_${name}`, tags: ['a', 'b'], nested: { ok: true } };
  return {
    vendor,
    mode: 'sandbox',
    case: name,
    operation: 'GET /accounts/{id}',
    spec: { file: 'specs/none.yaml', version: '1' },
    outcome: 'answered',
    reason: null,
    request: { method: 'GET', path: `/accounts/${name}`, query: '', headers: { accept: 'application/json' }, credential: 'valid' },
    response: response && { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), truncated: false, ...response },
    expectedStatus: 200,
    providerState: null,
    startedAt: new Date(0).toISOString(),
    durationMs: 0,
    attempts: 1,
    findings: [],
    derived: { json: { value: body }, schemaPointer: null, branches: {} } as unknown as CaseResult['derived'],
  };
}
