import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './fixtures.ts';

/**
 * Whop-, Midaz- and Xendit-shaped vendors on one loopback server that leak on purpose: they echo the
 * credential they are sent (headers, bodies, error messages) and put a person's data at the 39
 * places listed in PERSONAL below (two of them object keys, EMAIL_KEYS). A run against them must
 * write none of it anywhere.
 *
 * The server answers in one of three modes, chosen by the first path segment of the base URL:
 * - `clean`: every answer has the documented status, so each vendor passes and gets a contract;
 * - `hostile`: Whop answers what a document cannot describe (text, a bare array, broken JSON);
 * - `drifted`: Whop's documented strings come back as other types, so `conform verify` quotes them.
 */
export const CANARY = {
  key: 'apik_canary+Key/0123456789=SECRET',
  limitedKey: 'apik_canaryLimited_98765',
  midazToken: 'midaz-canary-token-77aa88bb',
  xenditKey: 'xnd_development_canaryKey0123456789',
  whop: { ledgerAccountId: 'ldgr_Canary0001', companyId: 'biz_Canary0001', userId: 'user_Canary0001' },
  midaz: { organizationId: '01930000-0000-7000-8000-00000000c001', ledgerId: '01930000-0000-7000-8000-00000000c002', accountId: '01930000-0000-7000-8000-00000000c003' },
  xendit: { accountId: 'cccccccccccccccccccccccc', managedAccountId: 'dddddddddddddddddddddddd' },
  /** The body cap of the runs: the company's answer is three times this long. */
  maxBodyBytes: 32_768,
};

/** Where each planted value stands, and the value: none may appear in anything conform writes or prints. */
export const PERSONAL: ReadonlyArray<{ where: string; value: string }> = [
  // Whop, documented free text in a 200 (by ledger account id).
  { where: 'whop 200 /payout_account_details/email (format email)', value: 'canary.rep@example.com' },
  { where: 'whop 200 /payout_account_details/phone', value: '+15550001111' },
  { where: 'whop 200 /payout_account_details/business_representative/date_of_birth', value: '1979-05-06' },
  { where: 'whop 200 /payout_account_details/business_representative/first_name', value: 'Canaryfirst' },
  { where: 'whop 200 /payout_account_details/business_representative/last_name', value: 'Canarylast' },
  { where: 'whop 200 /payout_account_details/address/line1', value: '77 Canary Street' },
  { where: 'whop 200 /payout_account_details/address/city', value: 'Canarytown' },
  { where: 'whop 200 /payout_account_details/address/postal_code', value: 'CZ 4411-77' },
  { where: 'whop 200 /payout_account_details/latest_verification/last_error_reason (a name inside a sentence)', value: 'Canary Reason-Person' },
  { where: 'whop 200 /owner/name', value: 'Canary Owner-Person' },
  { where: 'whop 200 /owner/username', value: 'canaryuser' },
  // Whop, what the document does not describe.
  { where: 'whop 200 /account_holder_name (undocumented)', value: 'Canary Holder' },
  { where: 'whop 200 /tax_id (undocumented)', value: 'CANARY-TAX-123456789' },
  { where: 'whop 200 /payout_account_details/national_id (undocumented, nested)', value: 'CANARY-NID-8800' },
  { where: 'whop 200 /dob (undocumented, a number)', value: '19790506' },
  { where: 'whop 200 /contact_email (undocumented email)', value: 'canary.contact@example.com' },
  { where: 'whop 200 /account_number (undocumented, a number)', value: '73104418' },
  // Whop, forms a text search misses.
  { where: 'whop 200 /payout_account_details/business_name, the shadowed first of a duplicate key', value: 'Canary Shadowed Biz' },
  { where: 'whop 200 /payout_account_details/business_name, the kept last of a duplicate key', value: 'Canary Kept Biz' },
  { where: 'whop 200 /secret_answer, the shadowed first of an undocumented duplicate key', value: 'Canary Shadow Answer' },
  { where: 'whop 200 /payout_account_details/address/line2, \\u-escaped in the body (decoded form)', value: 'Canary Escaped Lane' },
  { where: 'whop 200 /payout_account_details/address/line2, \\u-escaped in the body (as sent)', value: '\\u0043anary Escaped Lane' },
  { where: 'whop 200 /legal_name, undocumented and \\u-escaped (decoded form)', value: 'Canary Legal' },
  { where: 'whop 200 an undocumented property named by an email (the key)', value: 'canary.key@example.com' },
  // Whop, headers and error messages (every answer carries the headers).
  { where: 'whop header x-account-holder', value: 'Canary Header-Person' },
  { where: 'whop header x-user-email', value: 'canary.header@example.com' },
  { where: 'whop 404 /error/message (an email in an error message)', value: 'canary.lookup@example.com' },
  { where: 'whop 400 /error/message (a name in an error message)', value: 'Canary Malformed-Person' },
  { where: 'whop 403 /error/message (a name in an error message)', value: 'Canary Scope-Person' },
  // Whop, bodies conform cannot walk.
  { where: 'whop 200 by company id: a body cut at the cap', value: 'Canary Cut-Person' },
  { where: 'whop 200 text/plain body (hostile)', value: 'Canary Text-Person' },
  { where: 'whop 200 bare JSON array, a string item (hostile)', value: 'Canary Bare-Person' },
  { where: 'whop 200 bare JSON array, an email in an item (hostile)', value: 'canary.bare@example.com' },
  { where: 'whop 200 body that is not valid JSON (hostile)', value: 'Canary Broken-Person' },
  { where: 'whop 404 text/plain error (hostile)', value: 'Canary Notfound-Person' },
  // Midaz and Xendit.
  { where: 'midaz 200 account /metadata/cpf', value: '987.654.321-00' },
  { where: 'midaz 200 account /name', value: 'Canary Midaz-Holder' },
  { where: 'midaz 200 account /metadata, a map keyed by an email (the key)', value: 'canary.meta@example.com' },
  { where: 'xendit 200 /owner_full_name (undocumented)', value: 'Canary Xendit-Owner' },
];

/** The personal values planted as object keys: a key no schema declares is data, masked in bodies and pointers alike. */
export const EMAIL_KEYS = { undocumented: 'canary.key@example.com', mapKey: 'canary.meta@example.com' };

/** Whop's by-user-id account belongs to a user named "balance": masking must not touch the `balance` keys. */
export const USER_NAMED_BALANCE = 'balance';

/** Planted only in the `drifted` answers, which only `conform verify` sees. */
export const VERIFY_PERSONAL: ReadonlyArray<{ where: string; value: string }> = [
  { where: 'whop 200 /owner/name as an array (drifted)', value: 'Canary Verify-Person' },
  { where: 'whop 200 /payout_account_details/email as an object (drifted)', value: 'canary.verify@example.com' },
];

export function canarySecrets(): string[] {
  const secrets = [CANARY.key, CANARY.limitedKey, CANARY.midazToken, CANARY.xenditKey];
  return [...secrets, ...secrets.map(encodeURIComponent), Buffer.from(`${CANARY.xenditKey}:`).toString('base64')];
}

/** Every canary: secrets and personal data, as strings to search the output for. */
export function canaryValues(): string[] {
  return [...new Set([...canarySecrets(), ...PERSONAL.map((p) => p.value), ...VERIFY_PERSONAL.map((p) => p.value)])];
}

type Mode = 'clean' | 'hostile' | 'drifted';
type Answer = (status: number, body: string, contentType?: string) => void;

const HEADERS = { 'x-account-holder': 'Canary Header-Person', 'x-user-email': 'canary.header@example.com' };

export async function startCanaryVendor(): Promise<{ url: (mode: Mode, vendor: 'whop' | 'midaz' | 'xendit') => string; close(): Promise<void> }> {
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const [, mode, vendor, ...rest] = (request.url ?? '').split('/');
    const path = `/${rest.join('/')}`;
    const auth = request.headers.authorization ?? '';
    const answer: Answer = (status, body, contentType = 'application/json') =>
      response.writeHead(status, { 'content-type': contentType, 'x-echo-authorization': auth, 'set-cookie': `sid=${CANARY.key}`, ...HEADERS }).end(body);
    if (vendor === 'whop') return whop(mode as Mode, path, auth, answer);
    if (vendor === 'midaz') return midaz(path, auth, answer);
    if (vendor === 'xendit') return xendit(path, auth, answer);
    answer(404, '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (mode, vendor) => `http://127.0.0.1:${port}/${mode}/${vendor}${vendor === 'whop' ? '/api/v1' : ''}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const whopError = (type: string, message: string, param: string | null = null) => JSON.stringify({ error: { type, message, code: null, param } });

function whop(mode: Mode, path: string, auth: string, answer: Answer): void {
  if (auth === `Bearer ${CANARY.limitedKey}`) return answer(403, whopError('forbidden', `key ${CANARY.limitedKey} of Canary Scope-Person lacks company:balance:read`));
  if (auth !== `Bearer ${CANARY.key}`) return answer(401, whopError('unauthorized', `Invalid API key: "${auth}"; did you mean ${CANARY.key}?`, auth));
  const id = decodeURIComponent(path.split('/').pop() ?? '');
  if (!/^(ldgr|biz|user)_[A-Za-z0-9]+$/.test(id)) return answer(400, whopError('invalid_request_error', `Canary Malformed-Person, the id ${id} is wrong (key ${CANARY.key})`));
  if (id === 'ldgr_conform0unknown') {
    return mode === 'hostile' ? answer(404, 'Canary Notfound-Person has no account here', 'text/plain') : answer(404, whopError('not_found', 'no account for canary.lookup@example.com'));
  }
  if (mode === 'hostile') {
    if (id === CANARY.whop.ledgerAccountId) return answer(200, 'Account holder: Canary Text-Person, born 1966-07-08', 'text/plain');
    if (id === CANARY.whop.companyId) return answer(200, JSON.stringify(['Canary Bare-Person', { email: 'canary.bare@example.com', balance: 12 }]));
    return answer(200, '{"owner": {"typename": "User", "name": "Canary Broken-Person", "username": ');
  }
  if (mode === 'drifted') return answer(200, driftedAccount());
  if (id === CANARY.whop.ledgerAccountId) return answer(200, plantedAccount());
  if (id === CANARY.whop.companyId) return answer(200, cutAccount());
  return answer(200, JSON.stringify(accountOf(CANARY.whop.userId, { typename: 'User', id: CANARY.whop.userId, name: USER_NAMED_BALANCE, username: 'someone' })));
}

function accountOf(id: string, owner: object): Record<string, any> {
  return { ...(readBody('whop-ledger-account.json') as Record<string, any>), id, owner };
}

/** The by-ledger-account-id answer, as text: a duplicate key and \u escapes cannot be written through JSON.stringify. */
function plantedAccount(): string {
  const account = accountOf(CANARY.whop.ledgerAccountId, { typename: 'User', id: 'user_Canary000001', name: 'Canary Owner-Person', username: 'canaryuser' });
  account.payout_account_details = {
    ...account.payout_account_details,
    email: 'canary.rep@example.com',
    phone: '+15550001111',
    business_name: '@@BUSINESS_NAME@@',
    national_id: 'CANARY-NID-8800',
    business_representative: { date_of_birth: '1979-05-06', first_name: 'Canaryfirst', middle_name: null, last_name: 'Canarylast' },
    address: { line1: '77 Canary Street', line2: '@@LINE2@@', city: 'Canarytown', postal_code: 'CZ 4411-77', state: 'IL', country: 'US' },
    latest_verification: { id: 'verf_Canary0001', status: 'verified', last_error_code: 'document_expired', last_error_reason: 'The ID of Canary Reason-Person has expired.' },
  };
  Object.assign(account, {
    account_holder_name: 'Canary Holder',
    tax_id: 'CANARY-TAX-123456789',
    dob: 19790506,
    contact_email: 'canary.contact@example.com',
    account_number: 73104418,
    [EMAIL_KEYS.undocumented]: 'vip',
  });
  return JSON.stringify(account)
    .replace('"@@BUSINESS_NAME@@"', '"Canary Shadowed Biz","business_name":"Canary Kept Biz"')
    .replace('"@@LINE2@@"', '"\\u0043anary Escaped Lane"')
    .replace(/}$/, ',"legal_name":"\\u0043anary \\u004cegal","secret_answer":"Canary Shadow Answer","secret_answer":"ok"}');
}

/** Three times the cap, the person's name near the start: the run keeps only the first part, cut mid-body. */
function cutAccount(): string {
  const account = accountOf(CANARY.whop.companyId, { typename: 'Company', id: CANARY.whop.companyId, route: 'canary', title: 'Canary Cut-Person' });
  account.history = Array.from({ length: Math.ceil((3 * CANARY.maxBodyBytes) / 40) }, (_, i) => `Canary Cut-Person visit ${i}`);
  return JSON.stringify(account);
}

function driftedAccount(): string {
  const account = accountOf(CANARY.whop.ledgerAccountId, { typename: 'User', id: 'user_Canary000001', name: ['Canary Verify-Person'], username: 'canaryuser' });
  account.payout_account_details = { ...account.payout_account_details, email: { address: 'canary.verify@example.com' } };
  return JSON.stringify(account);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const midazError = (code: string, title: string, message: string) => JSON.stringify({ code, title, message });

function midaz(path: string, auth: string, answer: Answer): void {
  const match = /^\/v1\/organizations\/([^/]+)\/ledgers\/([^/]+)\/accounts\/([^/]+)(\/balances)?$/.exec(path);
  if (!match) return answer(404, midazError('0007', 'Entity Not Found', 'no such route'));
  if (!auth) return answer(401, midazError('0041', 'Token Missing', 'A valid token must be provided.'));
  if (auth !== `Bearer ${CANARY.midazToken}`) return answer(401, midazError('0042', 'Invalid Token', `Token ${auth} is not valid; expected ${CANARY.midazToken}`));
  const [, organization, ledger, account, balances] = match;
  if (![organization, ledger, account].every((id) => UUID.test(id!))) return answer(400, midazError('0065', 'Invalid Path Parameter', 'The account_id is not a UUID.'));
  const { organizationId, ledgerId, accountId } = CANARY.midaz;
  if (organization !== organizationId || ledger !== ledgerId || account !== accountId) return answer(404, midazError('0007', 'Entity Not Found', 'No entity was found.'));
  if (balances) return answer(200, JSON.stringify({ ...(readBody('midaz-balance.json') as object), organizationId, ledgerId, accountId }));
  const body = readBody('midaz-account.json') as Record<string, any>;
  answer(200, JSON.stringify({ ...body, id: accountId, organizationId, ledgerId, name: 'Canary Midaz-Holder', metadata: { ...body.metadata, cpf: '987.654.321-00', [EMAIL_KEYS.mapKey]: 'vip' } }));
}

function xendit(path: string, auth: string, answer: Answer): void {
  if (auth !== `Basic ${Buffer.from(`${CANARY.xenditKey}:`).toString('base64')}`) return answer(401, JSON.stringify({ error_code: 'INVALID_API_KEY', message: `API key ${auth} is invalid` }));
  const id = /^\/v2\/accounts\/([^/]+)$/.exec(path)?.[1];
  const body = { ...(readBody('xendit-account.json') as object), owner_full_name: 'Canary Xendit-Owner' };
  if (id === CANARY.xendit.accountId) return answer(200, JSON.stringify({ ...body, id }));
  if (id === CANARY.xendit.managedAccountId) return answer(200, JSON.stringify({ ...body, id, type: 'MANAGED' }));
  answer(404, readBodyText('xendit-error-404.json'));
}

function readBodyText(name: string): string {
  return JSON.stringify(readBody(name));
}
