import { FINDING_KINDS } from '../findings/index.ts';
import { configValidator } from '../schema/index.ts';

// shard.json travels as a CI artifact: `conform merge` holds it to this schema whole before reading any of it.
// Open objects (a later field does not break an older reader); every field the merge, judge and reports read is typed.
// `type: [..., 'null']` rather than oneOf: a violation then names the fault, not the null it is not.

const text = { type: 'string' };
const textOrNull = { type: ['string', 'null'] };
const texts = { type: 'array', items: text };
const findingId = { enum: Object.keys(FINDING_KINDS) };
const planned = {
  type: 'object',
  required: ['vendor', 'mode', 'scenario'],
  properties: { vendor: text, mode: { enum: ['live', 'sandbox'] }, scenario: textOrNull },
};

const finding = {
  type: 'object',
  required: ['id', 'vendor', 'operation', 'status', 'pointer', 'expected', 'observed', 'fingerprint'],
  properties: {
    id: findingId,
    vendor: text,
    operation: textOrNull,
    status: { type: ['integer', 'null'] },
    pointer: textOrNull,
    expected: textOrNull,
    observed: textOrNull,
    fingerprint: text,
    location: { type: 'object', required: ['file', 'pointer'], properties: { file: text, pointer: text } },
    covers: { type: 'array', items: findingId },
  },
};
const findings = { type: 'array', items: finding };

const coverage = {
  type: 'object',
  required: ['operation', 'state', 'reason', 'missingFixtures', 'cases', 'notDerived'],
  properties: {
    operation: text,
    state: { enum: ['exercised', 'not-reachable', 'excluded', 'unsafe'] },
    reason: textOrNull,
    missingFixtures: { type: 'array', items: { type: 'object', required: ['fixture', 'variable'], properties: { fixture: text, variable: textOrNull } } },
    cases: texts,
    notDerived: texts,
  },
};

const upstream = {
  type: 'object',
  required: ['url'],
  properties: { url: text, base: text, breaking: { type: 'boolean' }, changes: { type: 'array', items: { type: 'object' } }, unreachable: text },
};

const vendor = {
  type: 'object',
  required: ['target', 'gradesUpstream', 'coverage', 'specDefects', 'laterFindings', 'specChangedUpstream'],
  properties: {
    target: { ...planned, required: [...planned.required, 'baseUrl'], properties: { ...planned.properties, baseUrl: text } },
    gradesUpstream: { type: 'boolean' },
    coverage: { type: ['array', 'null'], items: coverage },
    specDefects: findings,
    laterFindings: { type: 'array', items: { ...finding, required: [...finding.required, 'case'], properties: { ...finding.properties, case: text } } },
    specChangedUpstream: { ...upstream, type: ['object', 'null'] },
  },
};

const headers = { type: 'object', additionalProperties: text };
const result = {
  type: 'object',
  required: ['vendor', 'mode', 'case', 'operation', 'spec', 'outcome', 'reason', 'request', 'response', 'expectedStatus', 'providerState', 'startedAt', 'durationMs', 'attempts', 'findings'],
  properties: {
    vendor: text,
    mode: { enum: ['live', 'sandbox'] },
    case: text,
    operation: text,
    spec: { type: 'object', required: ['file', 'version'], properties: { file: text, version: text } },
    outcome: { enum: ['answered', 'passed', 'failed', 'unverified', 'skipped', 'transport-error'] },
    reason: textOrNull,
    transportCode: text,
    request: { type: 'object', required: ['method', 'path', 'query', 'headers', 'credential'], properties: { method: text, path: text, query: text, headers, credential: text } },
    response: { type: ['object', 'null'], required: ['status', 'headers', 'body', 'truncated'], properties: { status: { type: 'integer' }, headers, body: text, truncated: { type: 'boolean' } } },
    expectedStatus: { oneOf: [{ type: 'integer' }, { enum: ['2XX', '4XX'] }] },
    providerState: textOrNull,
    startedAt: text,
    durationMs: { type: 'number', minimum: 0 },
    attempts: { type: 'integer', minimum: 0 },
    findings,
    derived: {
      type: 'object',
      required: ['responseKey', 'mediaType', 'schemaPointer', 'branches', 'amounts', 'json'],
      properties: {
        responseKey: textOrNull,
        mediaType: textOrNull,
        schemaPointer: textOrNull,
        branches: { type: 'object', additionalProperties: texts },
        amounts: {
          type: 'array',
          items: { type: 'object', required: ['pointer', 'encoding', 'scale'], properties: { pointer: text, encoding: { enum: ['number', 'string'] }, scale: { type: 'integer', minimum: 0 } } },
        },
        json: { type: ['object', 'null'], required: ['value'], properties: { value: {} } },
      },
    },
  },
};

/** The violations of a parsed shard.json (format and version are checked first, for their own messages). */
export const shardViolations = configValidator({
  type: 'object',
  required: ['shard', 'configuration', 'startedAt', 'vendors', 'problems', 'warnings', 'results'],
  properties: {
    shard: { type: 'object', required: ['index', 'count'], properties: { index: { type: 'integer', minimum: 1 }, count: { type: 'integer', minimum: 1 } } },
    configuration: { type: 'array', minItems: 1, items: planned },
    startedAt: text,
    vendors: { type: 'array', items: vendor },
    problems: texts,
    warnings: texts,
    results: { type: 'array', items: result },
  },
});
