import { request } from 'undici';
import { redactText, secretForms } from '../redaction/index.ts';
import { baseUrl, optional, ConfigError, type Env } from '../vendors/index.ts';
import type { StoredContract } from './contract-file.ts';
import type { ConsumerVersion } from './consumer-version.ts';
import { brokerMessages, readCapped } from './broker-http.ts';

export interface BrokerSettings {
  baseUrl: string;
  /** The Authorization header value; never printed. */
  authorization: string;
  /** secretForms() of the token, user name and password: redacted from whatever the broker answers. */
  secretForms: string[];
}

/** The broker to publish to, from PACT_BROKER_BASE_URL and a token or a user name and password. */
export function brokerSettings(env: Env): BrokerSettings {
  if (!optional(env, 'PACT_BROKER_BASE_URL')) throw new ConfigError('PACT_BROKER_BASE_URL', 'is not set: it names the Pact Broker to publish to');
  const url = baseUrl(env, 'PACT_BROKER_BASE_URL', '');
  const token = optional(env, 'PACT_BROKER_TOKEN');
  const username = optional(env, 'PACT_BROKER_USERNAME');
  const password = optional(env, 'PACT_BROKER_PASSWORD');
  const forms = secretForms([token, username, password]);
  if (token) return { baseUrl: url, authorization: `Bearer ${token}`, secretForms: forms };
  if (username && password) return { baseUrl: url, authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`, secretForms: forms };
  throw new ConfigError('PACT_BROKER_TOKEN', 'no broker credentials: set PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD');
}

export interface PublishResult {
  consumer: string;
  contracts: StoredContract[];
  status: number;
  ok: boolean;
  /** The broker's notices (what it created, what to do next), or its errors. */
  messages: string[];
}

/**
 * Publishes contracts with the broker's "publish contracts" API (POST /contracts/publish): one
 * request per consumer, every pact of it base64-encoded, under the consumer version and branch.
 * Transport failures throw (undici's errors); an answer the broker refuses is a result with ok false.
 */
export async function publishToBroker(broker: BrokerSettings, contracts: readonly StoredContract[], version: ConsumerVersion): Promise<PublishResult[]> {
  const consumers = [...new Set(contracts.map((contract) => contract.consumer))].sort();
  const results: PublishResult[] = [];
  for (const consumer of consumers) {
    const own = contracts.filter((contract) => contract.consumer === consumer);
    const body = {
      pacticipantName: consumer,
      pacticipantVersionNumber: version.version,
      ...(version.branch ? { branch: version.branch } : {}),
      contracts: own.map((contract) => ({
        consumerName: contract.consumer,
        providerName: contract.provider,
        specification: 'pact',
        contentType: 'application/json',
        content: Buffer.from(contract.text, 'utf8').toString('base64'),
      })),
    };
    const response = await request(`${broker.baseUrl}/contracts/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/hal+json', authorization: broker.authorization },
      body: JSON.stringify(body),
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
    // Redacted before anything is cut: a broker may echo the credentials it was sent, in any form.
    const text = redactText(await readCapped(response.body, 'POST /contracts/publish'), broker.secretForms);
    const ok = response.statusCode >= 200 && response.statusCode < 300;
    results.push({ consumer, contracts: own, status: response.statusCode, ok, messages: brokerMessages(text) });
  }
  return results;
}
