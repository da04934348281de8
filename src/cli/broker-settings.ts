import { brokerSettings, type BrokerSettings } from '../contracts/index.ts';
import { ConfigError, optional, type Env } from '../vendors/index.ts';
import type { CliIo } from './io.ts';

/** The Pact Broker's settings, or null once the configuration error is printed (the command exits 2). */
export function brokerOrComplain(command: string, env: Env, io: CliIo): BrokerSettings | null {
  try {
    return brokerSettings(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`conform ${command}: configuration error: ${error.message}\n`);
    return null;
  }
}

/** The --pacticipant flag of the commands that ask about a pacticipant version. */
export const PACTICIPANT_OPTION = { type: 'string', value: 'P', description: 'the application (default: CONFORM_CONSUMER, else conform)' } as const;

/** The pacticipant named, else conform's consumer name. */
export function pacticipantOf(named: string | undefined, env: Env): string {
  return named ?? optional(env, 'CONFORM_CONSUMER') ?? 'conform';
}
