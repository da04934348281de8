import { describe, expect, test } from 'vitest';
import { authSchemeOf, placeCredential, withCredential, type AuthScheme, type HttpRequest } from '../../src/http/index.ts';

function schemeOf(value: unknown): AuthScheme {
  const read = authSchemeOf(value);
  if ('problem' in read) throw new Error(read.problem);
  return read.scheme;
}

const basicOf = (header: string | undefined) => Buffer.from((header ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');

describe('security schemes read from a document', () => {
  test('each supported type, with the http scheme name case-insensitive and header names lower-cased', () => {
    expect(schemeOf({ type: 'http', scheme: 'Bearer', bearerFormat: 'JWT' })).toEqual({ type: 'http-bearer' });
    expect(schemeOf({ type: 'http', scheme: 'basic' })).toEqual({ type: 'http-basic' });
    expect(schemeOf({ type: 'apiKey', in: 'header', name: 'X-Api-Key' })).toEqual({ type: 'apiKey', in: 'header', parameter: 'x-api-key' });
    expect(schemeOf({ type: 'apiKey', in: 'query', name: 'api_key' })).toEqual({ type: 'apiKey', in: 'query', parameter: 'api_key' });
    expect(schemeOf({ type: 'apiKey', in: 'cookie', name: 'Session' })).toEqual({ type: 'apiKey', in: 'cookie', parameter: 'Session' });
    const oauth2 = { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/oauth/token', scopes: { read: 'read' } } } };
    expect(schemeOf(oauth2)).toEqual({ type: 'oauth2-client-credentials', tokenUrl: '/oauth/token', scopes: ['read'] });
  });

  test.each([
    ['not an object', 'bearer', 'not a security scheme object (no type)'],
    ['http digest', { type: 'http', scheme: 'digest' }, 'http scheme "digest" is not supported (basic and bearer are)'],
    ['openIdConnect', { type: 'openIdConnect', openIdConnectUrl: 'https://x' }, 'security scheme type "openIdConnect" is not supported'],
    ['oauth2 without client credentials', { type: 'oauth2', flows: { authorizationCode: {} } }, 'only the oauth2 clientCredentials flow is supported'],
    ['client credentials without tokenUrl', { type: 'oauth2', flows: { clientCredentials: { scopes: {} } } }, 'the clientCredentials flow has no tokenUrl'],
    ['apiKey without in', { type: 'apiKey', name: 'k' }, 'an apiKey scheme needs in: header, query or cookie'],
    ['apiKey without name', { type: 'apiKey', in: 'header' }, 'an apiKey scheme needs a name'],
    ['a header name with a space', { type: 'apiKey', in: 'header', name: 'api key' }, '"api key" cannot name a header'],
  ])('%s is a problem, said in one line', (_name, value, problem) => {
    expect(authSchemeOf(value)).toEqual({ problem });
  });
});

describe('where a credential goes', () => {
  test('http bearer and oauth2 send Authorization: Bearer', () => {
    expect(placeCredential({ type: 'http-bearer' }, 'key_abc123')).toEqual({ headers: { authorization: 'Bearer key_abc123' }, query: {}, cookies: {} });
    expect(placeCredential({ type: 'oauth2-client-credentials', tokenUrl: '/t', scopes: [] }, 'tok-1').headers).toEqual({ authorization: 'Bearer tok-1' });
  });

  test('http basic sends user:password as given, and a key alone as the user name with an empty password', () => {
    expect(basicOf(placeCredential({ type: 'http-basic' }, 'ana:pa:ss é').headers.authorization)).toBe('ana:pa:ss é');
    expect(basicOf(placeCredential({ type: 'http-basic' }, 'xnd_development_abc').headers.authorization)).toBe('xnd_development_abc:');
  });

  test('an api key goes into the header, query parameter or cookie the scheme names', () => {
    expect(placeCredential({ type: 'apiKey', in: 'header', parameter: 'x-api-key' }, 'k1')).toEqual({ headers: { 'x-api-key': 'k1' }, query: {}, cookies: {} });
    expect(placeCredential({ type: 'apiKey', in: 'query', parameter: 'api_key' }, 'k2')).toEqual({ headers: {}, query: { api_key: 'k2' }, cookies: {} });
    expect(placeCredential({ type: 'apiKey', in: 'cookie', parameter: 'sid' }, 'k3')).toEqual({ headers: {}, query: {}, cookies: { sid: 'k3' } });
  });
});

describe('the request as sent', () => {
  const recorded: HttpRequest = { method: 'GET', url: 'https://api.acme.test/v1/items?q=a%20b', headers: { accept: 'application/json', cookie: 'lang=en' } };

  test('query credentials are appended, percent-encoded, after the case own parameters left as they were', () => {
    const sent = withCredential(recorded, { headers: {}, query: { 'api key': 'k/1+2' }, cookies: {} });
    expect(sent.url).toBe('https://api.acme.test/v1/items?q=a%20b&api%20key=k%2F1%2B2');
    expect(withCredential({ method: 'GET', url: 'https://api.acme.test/v1/items' }, { headers: {}, query: { k: 'v' }, cookies: {} }).url).toBe(
      'https://api.acme.test/v1/items?k=v',
    );
  });

  test('cookies join the Cookie header already there; headers replace same-named ones', () => {
    const sent = withCredential(recorded, { headers: { accept: 'text/plain', 'x-api-key': 'k' }, query: {}, cookies: { sid: 'k3' } });
    expect(sent.headers).toEqual({ accept: 'text/plain', 'x-api-key': 'k', cookie: 'lang=en; sid=k3' });
  });

  test('the request the case records is left without the credential', () => {
    const before = structuredClone(recorded);
    withCredential(recorded, placeCredential({ type: 'apiKey', in: 'query', parameter: 'api_key' }, 'secret-key'));
    withCredential(recorded, placeCredential({ type: 'apiKey', in: 'cookie', parameter: 'sid' }, 'secret-key'));
    expect(recorded).toEqual(before);
  });
});
