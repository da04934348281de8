import { alphanumerics, objectId } from '../ids.ts';

/** The documented account body, in the documented order. */
export interface XenditAccount {
  id: string;
  created: string;
  updated: string;
  type: 'MANAGED' | 'OWNED';
  email: string;
  public_profile: { business_name: string };
  status: 'INVITED' | 'REGISTERED' | 'AWAITING_DOCS' | 'PENDING_VERIFICATION' | 'LIVE' | 'SUSPENDED';
}

function account(label: string, fields: Omit<XenditAccount, 'id'>): XenditAccount {
  return { id: objectId(`xendit/account/${label}`, Date.parse(fields.created)), ...fields };
}

function seedAccounts(): XenditAccount[] {
  return [
    account('lemonade-stand', {
      created: '2021-01-01T10:00:00Z',
      updated: '2021-01-01T10:00:00Z',
      type: 'OWNED',
      email: 'angie@pinkpanther.com',
      public_profile: { business_name: "Angie's lemonade stand" },
      status: 'LIVE',
    }),
    account('kopi-bandung', {
      created: '2023-06-14T03:12:45Z',
      updated: '2024-02-01T08:30:00Z',
      type: 'MANAGED',
      email: 'finance@kopibandung.example',
      public_profile: { business_name: 'Kopi Bandung' },
      status: 'LIVE',
    }),
    account('sari-batik', {
      created: '2024-09-30T11:45:09Z',
      updated: '2024-09-30T11:45:09Z',
      type: 'MANAGED',
      email: 'owner@saribatik.example',
      public_profile: { business_name: 'Sari Batik' },
      status: 'INVITED',
    }),
    account('old-kiosk', {
      created: '2020-03-02T07:00:00Z',
      updated: '2022-11-18T15:20:33Z',
      type: 'OWNED',
      email: 'kiosk@example.com',
      public_profile: { business_name: 'Old Kiosk' },
      status: 'SUSPENDED',
    }),
  ];
}

export const XENDIT_FIXTURES = {
  accountId: objectId('xendit/account/lemonade-stand', Date.parse('2021-01-01T10:00:00Z')),
  managedAccountId: objectId('xendit/account/kopi-bandung', Date.parse('2023-06-14T03:12:45Z')),
} as const;

export const XENDIT_CREDENTIALS = { secretKey: `xnd_development_${alphanumerics('xendit/secret-key', 60)}` } as const;

export interface XenditStore {
  findAccount(id: string): XenditAccount | undefined;
}

export function createXenditStore(): XenditStore {
  const accounts = seedAccounts();
  return { findAccount: (id) => accounts.find((candidate) => candidate.id === id) };
}
