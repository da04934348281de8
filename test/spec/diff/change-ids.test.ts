import { describe, expect, it } from 'vitest';
import { CHANGE_IDS } from '../../../src/spec/index.ts';
import { account, api, diffRows, GET, object, type Row } from './documents.ts';

type Json = Record<string, unknown>;
interface Case {
  base: Json;
  revision: Json;
  expected: Row[];
}

const ok = (content: Json = { 'application/json': { schema: { type: 'object' } } }) => ({ description: 'ok', content });
const operation = (more: Json = {}) => ({ responses: { '200': ok() }, ...more });
const withParameters = (parameters: Json[]) => api({ '/accounts/{id}': { get: operation({ parameters }) } });
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const query = (name: string, required?: boolean) => ({ name, in: 'query', ...(required === undefined ? {} : { required }), schema: { type: 'string' } });
const secured = (security: Json[]) =>
  api(
    { '/accounts/{id}': { get: operation({ security }) } },
    { components: { securitySchemes: { oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example/token', scopes: { 'accounts:read': '', 'accounts:write': '' } } } }, apiKey: { type: 'apiKey', in: 'header', name: 'X-Key' } } } },
  );
const globallySecured = (security: Json[]) => ({ ...secured([]), paths: { '/accounts/{id}': { get: operation() } }, security });
const withBody = (required: boolean, schema: Json) => api({ '/transfers': { post: operation({ requestBody: { required, content: { 'application/json': { schema } } } }) } });
const statuses = (responses: Json) => api({ '/accounts/{id}': { get: { responses } } });
const media = (...types: string[]) => statuses({ '200': ok(Object.fromEntries(types.map((type) => [type, { schema: { type: 'object' } }]))) });
const property = (schema: Json, required = true) => account(object({ status: schema }, required ? ['status'] : []));
const servers = (...urls: string[]) => api({ '/accounts': { get: operation() } }, { servers: urls.map((url) => ({ url })) });
const components = (schemas: Json) => api({ '/accounts': { get: operation() } }, { components: { schemas } });
const deepChain = (leaf: Json): Json => {
  const schemas: Json = {};
  for (let i = 0; i < 70; i++) schemas[`Level${i}`] = object({ next: { $ref: `#/components/schemas/Level${i + 1}` } });
  schemas.Level70 = leaf;
  return account({ $ref: '#/components/schemas/Level0' }, { components: { schemas } });
};

/** One small document pair per change ID, and the exact change list it gives. */
const CASES: Record<string, Case> = {
  'endpoint-added': {
    base: api({ '/accounts': { get: operation() } }),
    revision: api({ '/accounts': { get: operation(), post: operation() } }),
    expected: [['endpoint-added', 'POST /accounts', null, null]],
  },
  'endpoint-deprecated': {
    base: api({ '/accounts': { get: operation() } }),
    revision: api({ '/accounts': { get: operation({ deprecated: true }) } }),
    expected: [['endpoint-deprecated', 'GET /accounts', null, null]],
  },
  'api-path-removed-without-deprecation': {
    base: api({ '/accounts': { get: operation() }, '/transfers': { get: operation() } }),
    revision: api({ '/accounts': { get: operation() } }),
    expected: [['api-path-removed-without-deprecation', 'GET /transfers', null, null]],
  },
  'api-path-removed-with-deprecation': {
    base: api({ '/accounts': { get: operation() }, '/transfers': { get: operation({ deprecated: true }) } }),
    revision: api({ '/accounts': { get: operation() } }),
    expected: [['api-path-removed-with-deprecation', 'GET /transfers', null, null]],
  },
  'api-removed-without-deprecation': {
    base: api({ '/accounts': { get: operation(), delete: operation() } }),
    revision: api({ '/accounts': { get: operation() } }),
    expected: [['api-removed-without-deprecation', 'DELETE /accounts', null, null]],
  },
  'api-removed-with-deprecation': {
    base: api({ '/accounts': { get: operation(), delete: operation({ deprecated: true }) } }),
    revision: api({ '/accounts': { get: operation() } }),
    expected: [['api-removed-with-deprecation', 'DELETE /accounts', null, null]],
  },
  'new-required-request-parameter': {
    base: withParameters([idParameter]),
    revision: withParameters([idParameter, query('ledger', true)]),
    expected: [['new-required-request-parameter', GET, null, '/parameters/query/ledger']],
  },
  'new-optional-request-parameter': {
    base: withParameters([idParameter]),
    revision: withParameters([idParameter, { name: 'X-Trace', in: 'header', schema: { type: 'string' } }]),
    expected: [['new-optional-request-parameter', GET, null, '/parameters/header/x-trace']],
  },
  'request-parameter-became-optional': {
    base: withParameters([idParameter, query('expand', true)]),
    revision: withParameters([idParameter, query('expand', false)]),
    expected: [['request-parameter-became-optional', GET, null, '/parameters/query/expand']],
  },
  'request-parameter-became-required': {
    base: withParameters([idParameter, query('expand')]),
    revision: withParameters([idParameter, query('expand', true)]),
    expected: [['request-parameter-became-required', GET, null, '/parameters/query/expand']],
  },
  'request-parameter-removed': {
    base: withParameters([idParameter, query('expand')]),
    revision: withParameters([idParameter]),
    expected: [['request-parameter-removed', GET, null, '/parameters/query/expand']],
  },
  'request-body-became-required': {
    base: withBody(false, object({ amount: { type: 'integer' } })),
    revision: withBody(true, object({ amount: { type: 'integer' } })),
    expected: [['request-body-became-required', 'POST /transfers', null, '/requestBody']],
  },
  'new-required-request-property': {
    base: withBody(true, object({ amount: { type: 'integer' }, party: object({ id: { type: 'string' } }) }, ['amount'])),
    revision: withBody(true, object({ amount: { type: 'integer' }, party: object({ id: { type: 'string' }, iban: { type: 'string' } }, ['iban']) }, ['amount'])),
    expected: [['new-required-request-property', 'POST /transfers', null, '/requestBody/party/iban']],
  },
  'api-security-added': {
    base: secured([{ oauth: ['accounts:read'] }]),
    revision: secured([{ oauth: ['accounts:read'], apiKey: [] }]),
    expected: [['api-security-added', GET, null, '/security/apiKey', 'apiKey']],
  },
  'api-security-removed': {
    base: secured([{ oauth: ['accounts:read'], apiKey: [] }]),
    revision: secured([{ oauth: ['accounts:read'] }]),
    expected: [['api-security-removed', GET, null, '/security/apiKey', 'apiKey']],
  },
  'api-security-scope-added': {
    base: secured([{ oauth: ['accounts:read'] }]),
    revision: secured([{ oauth: ['accounts:read', 'accounts:write'] }]),
    expected: [['api-security-scope-added', GET, null, '/security/oauth/accounts:write', 'accounts:write']],
  },
  'api-security-scope-removed': {
    base: secured([{ oauth: ['accounts:read', 'accounts:write'] }]),
    revision: secured([{ oauth: ['accounts:read'] }]),
    expected: [['api-security-scope-removed', GET, null, '/security/oauth/accounts:write', 'accounts:write']],
  },
  'api-global-security-added': {
    base: globallySecured([{ oauth: ['accounts:read'] }]),
    revision: globallySecured([{ oauth: ['accounts:read'] }, { apiKey: [] }]),
    expected: [['api-security-added', GET, null, '/security/apiKey', 'apiKey'], ['api-global-security-added', null, null, '/security/apiKey', 'apiKey']],
  },
  'api-global-security-removed': {
    base: globallySecured([{ oauth: ['accounts:read'] }, { apiKey: [] }]),
    revision: globallySecured([{ oauth: ['accounts:read'] }]),
    expected: [['api-security-removed', GET, null, '/security/apiKey', 'apiKey'], ['api-global-security-removed', null, null, '/security/apiKey', 'apiKey']],
  },
  'api-global-security-scope-added': {
    base: globallySecured([{ oauth: ['accounts:read'] }]),
    revision: globallySecured([{ oauth: ['accounts:read', 'accounts:write'] }]),
    expected: [
      ['api-security-scope-added', GET, null, '/security/oauth/accounts:write', 'accounts:write'],
      ['api-global-security-scope-added', null, null, '/security/oauth/accounts:write', 'accounts:write'],
    ],
  },
  'api-global-security-scope-removed': {
    base: globallySecured([{ oauth: ['accounts:read', 'accounts:write'] }]),
    revision: globallySecured([{ oauth: ['accounts:read'] }]),
    expected: [
      ['api-security-scope-removed', GET, null, '/security/oauth/accounts:write', 'accounts:write'],
      ['api-global-security-scope-removed', null, null, '/security/oauth/accounts:write', 'accounts:write'],
    ],
  },
  'api-server-removed': {
    base: servers('https://api.example.com/v1', 'https://sandbox.example.com/v1'),
    revision: servers('https://api.example.com/v1'),
    expected: [['api-server-removed', null, null, '/servers', 'https://sandbox.example.com/v1']],
  },
  'api-server-added': {
    base: servers('https://api.example.com/v1'),
    revision: servers('https://api.example.com/v1', 'https://eu.api.example.com/v1'),
    expected: [['api-server-added', null, null, '/servers', 'https://eu.api.example.com/v1']],
  },
  'response-success-status-removed': {
    base: statuses({ '200': ok(), '202': ok(), '404': ok() }),
    revision: statuses({ '200': ok() }),
    expected: [['response-success-status-removed', GET, '202', '/responses/202']],
  },
  'response-success-status-added': {
    base: statuses({ '200': ok() }),
    revision: statuses({ '200': ok(), '201': ok(), '409': ok() }),
    expected: [['response-success-status-added', GET, '201', '/responses/201']],
  },
  'response-media-type-removed': {
    base: media('application/json', 'text/csv'),
    revision: media('application/json'),
    expected: [['response-media-type-removed', GET, '200', '/responses/200/content/text/csv', 'text/csv']],
  },
  'response-media-type-added': {
    base: media('application/json'),
    revision: media('application/json', 'application/pdf'),
    expected: [['response-media-type-added', GET, '200', '/responses/200/content/application/pdf', 'application/pdf']],
  },
  'response-media-type-name-specialized': {
    base: media('application/json'),
    revision: media('application/problem+json'),
    expected: [['response-media-type-name-specialized', GET, '200', '/responses/200/content/application/problem+json', 'application/problem+json']],
  },
  'response-media-type-name-generalized': {
    base: media('application/vnd.ledger+json'),
    revision: media('application/json'),
    expected: [['response-media-type-name-generalized', GET, '200', '/responses/200/content/application/json', 'application/json']],
  },
  'response-body-type-changed': {
    base: account({ type: 'object' }),
    revision: account({ type: 'array' }),
    expected: [['response-body-type-changed', GET, '200', '/']],
  },
  'response-body-type-generalized': {
    base: account({ type: 'integer' }),
    revision: account({ type: 'number' }),
    expected: [['response-body-type-generalized', GET, '200', '/']],
  },
  'response-body-type-specialized': {
    base: account({ type: 'number' }),
    revision: account({ type: 'integer' }),
    expected: [['response-body-type-specialized', GET, '200', '/']],
  },
  'response-body-list-of-types-widened': {
    base: account({ type: 'object' }),
    revision: account({ type: ['object', 'array'] }),
    expected: [['response-body-list-of-types-widened', GET, '200', '/']],
  },
  'response-body-list-of-types-narrowed': {
    base: account({ type: ['object', 'array'] }),
    revision: account({ type: 'object' }),
    expected: [['response-body-list-of-types-narrowed', GET, '200', '/']],
  },
  'response-body-became-nullable': {
    base: account({ type: 'object' }),
    revision: account({ type: 'object', nullable: true }, { openapi: '3.0.3' }),
    expected: [['response-body-became-nullable', GET, '200', '/']],
  },
  'response-body-became-not-nullable': {
    base: account({ type: ['object', 'null'] }),
    revision: account({ type: 'object' }),
    expected: [['response-body-became-not-nullable', GET, '200', '/']],
  },
  'response-body-one-of-added': {
    base: account({ oneOf: [{ title: 'Account', type: 'object' }] }),
    revision: account({ oneOf: [{ title: 'Account', type: 'object' }, { title: 'Error', type: 'object' }] }),
    expected: [['response-body-one-of-added', GET, '200', '/', 'Error']],
  },
  'response-body-one-of-removed': {
    base: account({ oneOf: [{ title: 'Account', type: 'object' }, { title: 'Error', type: 'object' }] }),
    revision: account({ oneOf: [{ title: 'Account', type: 'object' }] }),
    expected: [['response-body-one-of-removed', GET, '200', '/', 'Error']],
  },
  'response-body-const-changed': {
    base: account({ const: 'pong' }),
    revision: account({ const: 'PONG' }),
    expected: [['response-body-const-changed', GET, '200', '/', 'PONG']],
  },
  'response-required-property-removed': {
    base: account(object({ id: { type: 'string' }, balance: { type: 'integer' } }, ['id', 'balance'])),
    revision: account(object({ id: { type: 'string' } }, ['id'])),
    expected: [['response-required-property-removed', GET, '200', '/balance']],
  },
  'response-optional-property-removed': {
    base: account(object({ id: { type: 'string' }, nickname: { type: 'string' } }, ['id'])),
    revision: account(object({ id: { type: 'string' } }, ['id'])),
    expected: [['response-optional-property-removed', GET, '200', '/nickname']],
  },
  'response-required-property-added': {
    base: account(object({ id: { type: 'string' } }, ['id'])),
    revision: account(object({ id: { type: 'string' }, currency: { type: 'string' } }, ['id', 'currency'])),
    expected: [['response-required-property-added', GET, '200', '/currency']],
  },
  'response-optional-property-added': {
    base: account(object({ id: { type: 'string' } }, ['id'])),
    revision: account(object({ id: { type: 'string' }, nickname: { type: 'string' } }, ['id'])),
    expected: [['response-optional-property-added', GET, '200', '/nickname']],
  },
  'response-property-became-optional': {
    base: property({ type: 'string' }),
    revision: property({ type: 'string' }, false),
    expected: [['response-property-became-optional', GET, '200', '/status']],
  },
  'response-property-became-required': {
    base: property({ type: 'string' }, false),
    revision: property({ type: 'string' }),
    expected: [['response-property-became-required', GET, '200', '/status']],
  },
  'response-property-type-changed': {
    base: property({ type: 'string' }),
    revision: property({ type: 'integer' }),
    expected: [['response-property-type-changed', GET, '200', '/status']],
  },
  'response-property-type-generalized': {
    base: property({ type: 'integer' }),
    revision: property({ type: 'number' }),
    expected: [['response-property-type-generalized', GET, '200', '/status']],
  },
  'response-property-type-specialized': {
    base: property({ type: 'number' }),
    revision: property({ type: 'integer' }),
    expected: [['response-property-type-specialized', GET, '200', '/status']],
  },
  'response-property-list-of-types-widened': {
    base: property({ type: ['string'] }),
    revision: property({ type: ['string', 'integer'] }),
    expected: [['response-property-list-of-types-widened', GET, '200', '/status']],
  },
  'response-property-list-of-types-narrowed': {
    base: property({ type: ['string', 'integer', 'null'] }),
    revision: property({ type: ['string', 'null'] }),
    expected: [['response-property-list-of-types-narrowed', GET, '200', '/status']],
  },
  'response-property-became-nullable': {
    base: property({ type: 'string' }),
    revision: property({ type: ['string', 'null'] }),
    expected: [['response-property-became-nullable', GET, '200', '/status']],
  },
  'response-property-became-not-nullable': {
    base: property({ type: ['string', 'null'] }),
    revision: property({ type: 'string' }),
    expected: [['response-property-became-not-nullable', GET, '200', '/status']],
  },
  'response-property-enum-value-added': {
    base: property({ type: 'string', enum: ['open', 'closed'] }),
    revision: property({ type: 'string', enum: ['open', 'frozen', 'closed', 'archived'] }),
    expected: [
      ['response-property-enum-value-added', GET, '200', '/status', 'archived'],
      ['response-property-enum-value-added', GET, '200', '/status', 'frozen'],
    ],
  },
  'response-property-enum-value-removed': {
    base: property({ type: 'string', enum: ['open', 'frozen', 'closed'] }),
    revision: property({ type: 'string', enum: ['open', 'closed'] }),
    expected: [['response-property-enum-value-removed', GET, '200', '/status', 'frozen']],
  },
  'response-property-one-of-added': {
    base: property({ oneOf: [{ title: 'Open', const: 'open' }] }),
    revision: property({ oneOf: [{ title: 'Open', const: 'open' }, { title: 'Frozen', const: 'frozen' }] }),
    expected: [['response-property-one-of-added', GET, '200', '/status', 'Frozen']],
  },
  'response-property-one-of-removed': {
    base: property({ oneOf: [{ title: 'Open', const: 'open' }, { title: 'Frozen', const: 'frozen' }] }),
    revision: property({ oneOf: [{ title: 'Open', const: 'open' }] }),
    expected: [['response-property-one-of-removed', GET, '200', '/status', 'Frozen']],
  },
  'response-property-const-changed': {
    base: account(object({ object: { const: 'account' } }, ['object'])),
    revision: account(object({ object: { const: 'ledger_account' } }, ['object'])),
    expected: [['response-property-const-changed', GET, '200', '/object', 'ledger_account']],
  },
  'api-schema-removed': {
    base: components({ Account: { type: 'object' }, LegacyAccount: { type: 'object' } }),
    revision: components({ Account: { type: 'object' } }),
    expected: [['api-schema-removed', null, null, '/components/schemas/LegacyAccount']],
  },
  'spec-diff-incomplete': {
    base: deepChain({ type: 'string' }),
    revision: deepChain({ type: 'integer' }),
    expected: [['spec-diff-incomplete', GET, '200', '/next'.repeat(65)]],
  },
};

describe('every change ID has a document pair that gives exactly it', () => {
  it('covers the whole registry', () => {
    expect(Object.keys(CASES).sort()).toEqual([...CHANGE_IDS].sort());
  });

  for (const [id, { base, revision, expected }] of Object.entries(CASES)) {
    it(id, async () => {
      expect(await diffRows(base, revision)).toEqual(expected);
    });
  }
});
