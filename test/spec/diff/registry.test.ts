import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANGE_IDS, CHANGE_KINDS } from '../../../src/spec/index.ts';
import { REPO_ROOT } from '../../support/paths.ts';

const oasdiffSeverity = { ERR: 'breaking', WARN: 'warning', INFO: 'info' } as const;

describe('the change registry', () => {
  it('has every ID issue 14 names', () => {
    const named = [
      'response-property-type-changed', 'response-property-type-generalized', 'response-required-property-removed',
      'response-optional-property-removed', 'response-property-became-nullable', 'response-property-became-optional',
      'response-property-enum-value-added', 'response-property-enum-value-removed', 'response-property-one-of-added',
      'response-property-one-of-removed', 'response-property-const-changed', 'response-property-list-of-types-widened',
      'response-media-type-removed', 'response-media-type-added', 'response-media-type-name-specialized',
      'response-success-status-removed', 'response-success-status-added', 'response-required-property-added',
      'response-optional-property-added', 'new-required-request-parameter', 'new-optional-request-parameter',
      'request-parameter-became-optional', 'api-path-removed-without-deprecation', 'endpoint-added', 'endpoint-deprecated',
      'api-security-scope-added', 'api-schema-removed',
    ];
    expect(CHANGE_IDS).toEqual(expect.arrayContaining(named));
  });

  it('gives a reason exactly where conform grades otherwise than oasdiff, and for every ID of its own', () => {
    for (const [id, kind] of Object.entries(CHANGE_KINDS)) {
      const differs = !kind.oasdiff || oasdiffSeverity[kind.level] !== kind.severity;
      expect(kind.reason !== null, id).toBe(differs);
      expect(kind.description.length, id).toBeGreaterThan(10);
    }
  });

  it('grades for a consumer where oasdiff does not (issue 14)', () => {
    const grade = (id: keyof typeof CHANGE_KINDS) => [CHANGE_KINDS[id].level, CHANGE_KINDS[id].severity];
    expect(grade('response-property-enum-value-added')).toEqual(['WARN', 'breaking']);
    expect(grade('response-optional-property-removed')).toEqual(['WARN', 'warning']);
    expect(grade('response-media-type-name-specialized')).toEqual(['INFO', 'breaking']);
    expect(grade('api-security-scope-added')).toEqual(['INFO', 'breaking']);
    // oasdiff grades a new oneOf branch INFO; a consumer switching on the branches it knows is not ready for it.
    expect(grade('response-property-one-of-added')).toEqual(['INFO', 'breaking']);
    expect(grade('response-body-one-of-added')).toEqual(['INFO', 'breaking']);
    expect(CHANGE_KINDS['api-server-removed'].oasdiff).toBe(false);
  });

  it('documents every ID, its two grades, the reason and description in docs/spec-diff.md', () => {
    const page = readFileSync(join(REPO_ROOT, 'docs', 'spec-diff.md'), 'utf8');
    for (const [id, kind] of Object.entries(CHANGE_KINDS)) {
      const level = kind.oasdiff ? kind.level : "— (conform's own)";
      expect(page, id).toContain(`| \`${id}\` | ${level} | ${kind.severity} | ${kind.reason ?? ''} | ${kind.description} |`);
    }
  });
});
