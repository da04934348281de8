import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './fixtures.ts';

/**
 * A Whop-shaped vendor that leaks on purpose: it echoes the credential it is sent in headers, bodies,
 * URLs and error messages, and fills its bodies with a person's data. A run against it must write
 * none of these canaries anywhere.
 */
export const CANARY = {
  key: 'apik_canary+Key/0123456789=SECRET',
  limitedKey: 'apik_canaryLimited_98765',
  person: {
    email: 'canary.rep@example.com',
    phone: '+15550001111',
    dateOfBirth: '1979-05-06',
    firstName: 'Canaryfirst',
    lastName: 'Canarylast',
    street: '77 Canary Street',
    city: 'Canarytown',
    postalCode: '99999',
    displayName: 'Canary Person',
    username: 'canaryuser',
    contactEmail: 'canary.contact@example.com',
  },
};

export function canaryValues(): string[] {
  return [CANARY.key, encodeURIComponent(CANARY.key), CANARY.limitedKey, ...Object.values(CANARY.person)];
}

export async function startCanaryVendor(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const auth = request.headers.authorization ?? '';
    const headers = { 'content-type': 'application/json', 'x-echo-authorization': auth, 'set-cookie': `sid=${CANARY.key}` };
    const error = (status: number, message: string) => response.writeHead(status, headers).end(JSON.stringify({ error: { type: 'unauthorized', message, code: null, param: auth } }));
    if (auth === `Bearer ${CANARY.limitedKey}`) return error(403, `key ${CANARY.limitedKey} lacks company:balance:read`);
    if (auth !== `Bearer ${CANARY.key}`) return error(401, `Invalid API key: "${auth}"; did you mean ${CANARY.key}?`);
    const id = decodeURIComponent(request.url?.split('/').pop() ?? '');
    if (!/^(ldgr|biz|user)_[A-Za-z0-9]+$/.test(id)) return error(400, `bad id ${id} for key ${CANARY.key}`);
    if (id === 'ldgr_conform0unknown') return error(404, `no account for ${CANARY.person.email}`);
    const account = readBody('whop-ledger-account.json') as Record<string, any>;
    const { person } = CANARY;
    account.payout_account_details = {
      ...account.payout_account_details,
      email: person.email,
      phone: person.phone,
      business_representative: { date_of_birth: person.dateOfBirth, first_name: person.firstName, middle_name: null, last_name: person.lastName },
      address: { line1: person.street, line2: null, city: person.city, postal_code: person.postalCode, state: 'IL', country: 'US' },
    };
    account.owner = { typename: 'User', id: 'user_Canary000001', name: person.displayName, username: person.username };
    account.debug_token = CANARY.key;
    account.debug_url = `https://api.example.test/cb?api_key=${encodeURIComponent(CANARY.key)}`;
    account.contact_email = person.contactEmail;
    response.writeHead(200, headers).end(JSON.stringify(account));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
