import type { MoneySection } from './money.ts';
import type { CredentialUse, FixtureRef } from './types.ts';

/** A vendor file as schemas/vendor.schema.json admits it (the schema is the reference; this is its type). */
export interface VendorFile {
  name: string;
  order?: number;
  specs: string[];
  upstream?: { url: string; format: 'openapi' | 'page' };
  live: { when: string; baseUrl: string; concurrency?: number; rateLimit?: number };
  auth: Record<
    string,
    {
      type?: 'http' | 'apiKey' | 'oauth2';
      scheme?: 'bearer' | 'basic';
      in?: 'header' | 'query' | 'cookie';
      name?: string;
      tokenUrl?: string;
      scopes?: string[];
      valid?: string;
      limited?: string;
      invalid: string;
    }
  >;
  headers?: Record<string, string>;
  fixtures?: Record<string, { value: string; parameter?: string }>;
  production?: { hosts?: string[]; credentialPrefixes?: string[] };
  sandbox?: { credentials?: { valid: string; limited?: string } };
  nonPersonal?: string[];
  variables: Record<string, string>;
  cases?: Array<{ name: string; operation: string; params?: Record<string, string | FixtureRef>; credential?: CredentialUse; expectStatus: number; providerState?: string }>;
  operations?: { include?: string[]; exclude?: string[] };
  money?: MoneySection;
}
