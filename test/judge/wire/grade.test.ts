import { describe, expect, it } from 'vitest';
import { gradeWithWire, type Baseline } from '../../../src/judge/index.ts';
import type { PropertyShape } from '../../../src/judge/baseline/index.ts';
import type { SpecChange, SpecDiff } from '../../../src/spec/index.ts';

const OPERATION = 'GET /charges';
const seen = (shape: Partial<PropertyShape> = {}): PropertyShape => ({ types: ['string'], nullable: false, values: null, always: true, cases: ['list'], ...shape });

function baseline(responses: Record<string, Record<string, PropertyShape>>): Baseline {
  const statuses = Object.keys(responses).map(Number);
  return {
    version: 2,
    vendor: 'acme',
    mode: 'live',
    updatedAt: '2026-11-01T00:00:00.000Z',
    operations: { [OPERATION]: { cases: { list: { statuses, mediaTypes: ['application/json'] } }, responses: Object.fromEntries(Object.entries(responses).map(([status, properties]) => [status, { properties }])) } },
    findings: [],
  };
}

const nullable = (status: string, where: string): SpecChange => ({ id: 'response-property-became-nullable', level: 'ERR', severity: 'breaking', reason: null, operation: OPERATION, status, where });
const diffOf = (...changes: SpecChange[]): SpecDiff => ({ breaking: true, changes });

describe('gradeWithWire', () => {
  it('returns the diff as it is without a baseline, and never changes its input', () => {
    const diff = diffOf(nullable('200', '/refunded_at'));
    expect(gradeWithWire(diff, null)).toBe(diff);
    const graded = gradeWithWire(diff, baseline({ '200': { '/refunded_at': seen({ nullable: true }) } }));
    expect(graded).toEqual({ breaking: false, changes: [{ ...diff.changes[0], severity: 'info', reason: expect.stringMatching(/catches up/), wire: { baseline: 'live', pointer: '/refunded_at', observed: 'sent null' } }] });
    expect(diff).toEqual(diffOf(nullable('200', '/refunded_at')));
  });

  it('a range status reads every answered status in it; "default" reads none', () => {
    const wire = baseline({ '201': { '/refunded_at': seen({ nullable: true }) }, '404': { '/refunded_at': seen({ nullable: true }) } });
    expect(gradeWithWire(diffOf(nullable('2XX', '/refunded_at')), wire).changes[0]!.severity).toBe('info');
    expect(gradeWithWire(diffOf(nullable('3XX', '/refunded_at')), wire).changes[0]!.severity).toBe('breaking');
    expect(gradeWithWire(diffOf(nullable('default', '/refunded_at')), wire).changes[0]!.severity).toBe('breaking');
  });

  it('an optional property removed under a range is breaking only when every answered status in it always had it', () => {
    const removed: SpecChange = { id: 'response-optional-property-removed', level: 'WARN', severity: 'warning', reason: null, operation: OPERATION, status: '2XX', where: '/memo' };
    expect(gradeWithWire(diffOf(removed), baseline({ '200': { '/memo': seen() }, '201': { '/memo': seen() } })).changes[0]!.severity).toBe('breaking');
    expect(gradeWithWire(diffOf(removed), baseline({ '200': { '/memo': seen() }, '201': { '/id': seen() } })).changes[0]!.severity).toBe('warning');
  });

  it('says nothing when both readings of an items segment were seen: the wire cannot tell which the change means', () => {
    const both = baseline({ '200': { '/items': seen({ types: ['array', 'object'] }), '/items/*': seen({ nullable: true }), '/items/items': seen({ nullable: true }) } });
    expect(gradeWithWire(diffOf(nullable('200', '/items/items')), both).changes[0]!.severity).toBe('breaking');
    const one = baseline({ '200': { '/items': seen({ types: ['array'] }), '/items/*': seen({ nullable: true }) } });
    expect(gradeWithWire(diffOf(nullable('200', '/items/items')), one).changes[0]!.wire).toEqual({ baseline: 'live', pointer: '/items/*', observed: 'sent null' });
  });
});
