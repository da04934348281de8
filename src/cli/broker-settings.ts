import { brokerSettings, type BrokerSettings } from '../contracts/index.ts';
import { ConfigError, type Env } from '../vendors/index.ts';
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
