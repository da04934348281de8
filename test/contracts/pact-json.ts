import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The parts of a written V4 pact these tests look at. */
export interface PactInteraction {
  description: string;
  providerStates?: Array<{ name: string }>;
  comments?: Record<string, string>;
  request: { method: string; path: string; headers?: Record<string, string[]>; query?: Record<string, string[]> };
  response: {
    status: number;
    headers?: Record<string, string[]>;
    body?: { content: unknown; contentType: string };
    matchingRules?: { body?: Record<string, { matchers: Array<Record<string, unknown>> }>; header?: Record<string, unknown> };
  };
}

export interface PactJson {
  consumer: { name: string };
  provider: { name: string };
  interactions: PactInteraction[];
  metadata: Record<string, unknown>;
}

export async function readPact(dir: string, file: string): Promise<PactJson> {
  return JSON.parse(await readFile(join(dir, file), 'utf8')) as PactJson;
}

export function interaction(pact: PactJson, description: string): PactInteraction {
  const found = pact.interactions.find((i) => i.description === description);
  if (!found) throw new Error(`no interaction "${description}" in ${pact.consumer.name}-${pact.provider.name}`);
  return found;
}

/** The body rules at a Pact path, as [match, extra] pairs, e.g. [['type'], ['regex', '^ldgr_…$']]. */
export function rulesAt(found: PactInteraction, path: string): unknown[][] {
  const rules = found.response.matchingRules?.body?.[path];
  if (!rules) return [];
  return rules.matchers.map(({ match, ...rest }) => [match, ...Object.values(rest)]);
}
