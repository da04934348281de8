import type { AuthScheme } from './types.ts';

/** Where a credential goes on a request: headers, and query parameters for an apiKey `in: query`. */
export interface CredentialPlacement {
  headers: Record<string, string>;
  query: Record<string, string>;
}

/**
 * How `credential` is sent under `scheme`. For oauth2 the credential must already be the access
 * token (the run exchanges client_id:client_secret for it at the scheme's tokenUrl first): it goes
 * as a bearer token.
 */
export function credentialPlacement(scheme: AuthScheme, credential: string): CredentialPlacement {
  switch (scheme.type) {
    case 'http':
      // user:password as given; a key alone is the user name with an empty password (Xendit).
      if (scheme.scheme === 'basic') return { headers: { authorization: `Basic ${Buffer.from(credential.includes(':') ? credential : `${credential}:`).toString('base64')}` }, query: {} };
      return { headers: { authorization: `Bearer ${credential}` }, query: {} };
    case 'oauth2':
      return { headers: { authorization: `Bearer ${credential}` }, query: {} };
    case 'apiKey':
      if (scheme.in === 'query') return { headers: {}, query: { [scheme.parameter]: credential } };
      if (scheme.in === 'cookie') return { headers: { cookie: `${scheme.parameter}=${credential}` }, query: {} };
      return { headers: { [scheme.parameter.toLowerCase()]: credential }, query: {} };
  }
}
