import { CREDENTIAL_HEADER } from './credentials.ts';
import type { UnavailableAnswer } from './verifier-process.ts';

/** What an interaction asks the vendor: enough for verify to filter it and to know its answers. */
export interface InteractionRequest {
  method: string;
  path: string;
  credential: string;
}

const READ_ONLY_METHODS = new Set(['GET', 'HEAD']);

/** Each interaction's request in a pact file's text, by description (unique within a pact). */
export function interactionRequests(pactText: string): Map<string, InteractionRequest> {
  const pact = JSON.parse(pactText) as { interactions?: PactInteraction[] };
  return new Map(
    (pact.interactions ?? []).map((interaction) => [
      String(interaction.description ?? ''),
      {
        method: String(interaction.request?.method ?? 'GET').toUpperCase(),
        path: String(interaction.request?.path ?? '/'),
        credential: String(interaction.request?.headers?.[CREDENTIAL_HEADER]?.[0] ?? 'valid'),
      },
    ]),
  );
}

/** A request that would change something: never sent to a production target. */
export function isUnsafe(request: InteractionRequest): boolean {
  return !READ_ONLY_METHODS.has(request.method);
}

/** The status the vendor answered this request with when that answer was unavailable, else null. */
export function unavailableStatus(request: InteractionRequest, answers: readonly UnavailableAnswer[]): number | null {
  const path = pathname(request.path);
  const answer = answers.find((a) => a.method === request.method && a.credential === request.credential && pathname(a.path) === path);
  return answer?.status ?? null;
}

/** The path alone, percent-encoded one way: the verifier may encode what the contract holds raw. */
function pathname(path: string): string {
  return new URL(path, 'http://verifier.invalid').pathname;
}

interface PactInteraction {
  description?: unknown;
  request?: { method?: unknown; path?: unknown; headers?: Record<string, unknown[] | undefined> };
}
