import { expect, test } from 'vitest';
import { withoutCredentials } from '../../src/http/credentials.ts';

test('only headers known to carry no credential cross to another origin, whatever a vendor names its API key', () => {
  const headers = { Authorization: 'a', 'X-Acme-Auth': 'k', 'Api-Version-Date': '2025', cookie: 'c', Accept: 'application/json', 'user-agent': 'conform' };
  expect(withoutCredentials(headers)).toEqual(['Accept', 'application/json', 'user-agent', 'conform']);
});

test("they are kept from a record, undici's flat list and a list of pairs alike", () => {
  expect(withoutCredentials({ authorization: 'a', accept: 'b', 'accept-language': ['c', 'd'] })).toEqual(['accept', 'b', 'accept-language', 'c', 'accept-language', 'd']);
  expect(withoutCredentials(['x-api-key', 'k', 'accept', 'b'])).toEqual(['accept', 'b']);
  expect(withoutCredentials([['cookie', 'c'], ['accept', 'b']] as Iterable<[string, string]>)).toEqual(['accept', 'b']);
});
