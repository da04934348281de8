import type { BrokerSettings } from './broker.ts';
import { askBroker, BrokerError, brokerIndex, linkOf } from './broker-http.ts';

/**
 * Records that a version was deployed to an environment, as the Pact CLI's record-deployment does:
 * from the index, the pacticipant version (pb:pacticipant-version), then a POST to its
 * pb:record-deployment link named after the environment. Every failure is a BrokerError.
 */
export async function recordDeployment(broker: BrokerSettings, pacticipant: string, version: string, environment: string): Promise<void> {
  const versionUrl = linkOf(await brokerIndex(broker), 'pb:pacticipant-version', { pacticipant, version });
  if (versionUrl === null) throw new BrokerError("the Pact Broker's index has no pb:pacticipant-version link: it cannot record deployments", null);
  const found = await askBroker(broker, 'GET', versionUrl).catch((error: unknown) => {
    if (error instanceof BrokerError && error.status === 404) throw new BrokerError(`the Pact Broker knows no version ${version} of ${pacticipant}: publish its pacts or results first`, 404);
    throw error;
  });
  const links = (found.json as { _links?: Record<string, unknown> } | null)?._links?.['pb:record-deployment'];
  const options = (Array.isArray(links) ? links : links ? [links] : []) as Array<{ name?: unknown; href?: unknown }>;
  const target = options.find((link) => link.name === environment && typeof link.href === 'string');
  if (!target) {
    const names = options.map((link) => String(link.name)).join(', ') || 'none';
    throw new BrokerError(`the Pact Broker has no environment ${environment} to record a deployment of ${pacticipant} in (it has: ${names})`, null);
  }
  await askBroker(broker, 'POST', target.href as string, {});
}
