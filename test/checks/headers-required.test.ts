import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../src/checks/context.ts';
import { headersRequired } from '../../src/checks/headers-required.ts';

// Only what the check reads: the documented response's required headers and the headers received.
const context = (required: string[], headers: Record<string, string>) =>
  ({ documented: { requiredHeaders: required }, response: { status: 200, headers, body: new Uint8Array() } }) as unknown as CheckContext;

describe('required response headers', () => {
  it('reports each one absent, also when another is present', () => {
    expect(headersRequired.check(context(['x-request-id', 'x-trace'], { 'x-trace': 't' }))).toEqual([{ id: 'response-header-missing', expected: 'x-request-id', observed: 'absent' }]);
    expect(headersRequired.check(context(['x-request-id', 'x-trace'], { 'x-request-id': 'r' }))).toEqual([{ id: 'response-header-missing', expected: 'x-trace', observed: 'absent' }]);
  });

  it('reports nothing when all are present', () => {
    expect(headersRequired.check(context(['x-request-id', 'x-trace'], { 'x-request-id': 'r', 'x-trace': 't' }))).toEqual([]);
  });
});
