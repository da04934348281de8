import { describe, expect, test } from 'vitest';
import { HttpLayerError, safeMessage, transportCodeOf } from '../../src/http/errors.ts';

const coded = (code: string) => Object.assign(new Error('failed'), { code });

describe('transportCodeOf', () => {
  test.each([
    ['UND_ERR_CONNECT_TIMEOUT', 'CONNECT_TIMEOUT'],
    ['UND_ERR_HEADERS_TIMEOUT', 'HEADERS_TIMEOUT'],
    ['UND_ERR_BODY_TIMEOUT', 'BODY_TIMEOUT'],
    ['ECONNREFUSED', 'CONNECTION_REFUSED'],
    ['ECONNRESET', 'CONNECTION_RESET'],
    ['UND_ERR_SOCKET', 'SOCKET_CLOSED'],
    ['ENOTFOUND', 'DNS'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'TLS'],
    ['ERR_INVALID_URL', 'INVALID_URL'],
    ['UND_ERR_INVALID_ARG', 'UNKNOWN'],
  ])('an error with code %s is %s', (code, expected) => {
    expect(transportCodeOf(coded(code))).toBe(expected);
  });

  test("this layer's own failures map through their codes", () => {
    expect(transportCodeOf(new HttpLayerError('CONFORM_REDIRECT_LIMIT', 'x'))).toBe('REDIRECT_LIMIT');
    expect(transportCodeOf(new HttpLayerError('CONFORM_DECODING', 'x'))).toBe('DECODING');
  });

  test('an error without a code is UNKNOWN', () => {
    expect(transportCodeOf(new Error('odd'))).toBe('UNKNOWN');
    expect(transportCodeOf('a string')).toBe('UNKNOWN');
  });
});

describe('safeMessage', () => {
  test('request header values are cut out of the message', () => {
    const error = new Error('rejected Bearer sk_live_123 for key_abc');
    const message = safeMessage(error, { authorization: 'Bearer sk_live_123', 'x-api-key': 'key_abc', 'x-n': '1' });
    expect(message).toBe('rejected [redacted] for [redacted]');
  });
});
