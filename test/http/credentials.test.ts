import { expect, test } from 'vitest';
import { isCredentialHeader, withoutCredentials } from '../../src/http/credentials.ts';

test('credential headers are the auth and cookie headers and any name with key, token or secret in it', () => {
  const credentials = ['Authorization', 'proxy-authorization', 'Cookie', 'X-API-Key', 'x-auth-token', 'client-secret'];
  const others = ['accept', 'content-type', 'x-request-id', 'user-agent'];
  expect([...credentials, ...others].filter(isCredentialHeader)).toEqual(credentials);
});

test("credentials are removed from a record, undici's flat list and a list of pairs alike", () => {
  expect(withoutCredentials({ authorization: 'a', accept: 'b', 'x-tag': ['c', 'd'] })).toEqual(['accept', 'b', 'x-tag', 'c', 'x-tag', 'd']);
  expect(withoutCredentials(['x-api-key', 'k', 'accept', 'b'])).toEqual(['accept', 'b']);
  expect(withoutCredentials([['cookie', 'c'], ['accept', 'b']] as Iterable<[string, string]>)).toEqual(['accept', 'b']);
});
