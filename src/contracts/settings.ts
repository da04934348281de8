import { join, resolve } from 'node:path';
import { optional, type Env } from '../vendors/index.ts';

/** Where contracts live and whose they are: read from the environment the same way by run, verify and publish. */
export interface ContractSettings {
  consumer: string;
  /** Absolute. */
  dir: string;
}

export function contractSettings(env: Env, cwd: string): ContractSettings {
  return {
    consumer: optional(env, 'CONFORM_CONSUMER') ?? 'conform',
    dir: resolve(cwd, optional(env, 'CONFORM_CONTRACTS_DIR') ?? 'contracts'),
  };
}

/** contracts/CONSUMER-VENDOR.json: the name Pact itself gives a pact between the two. */
export function contractFile(settings: ContractSettings, vendor: string): string {
  return join(settings.dir, `${settings.consumer}-${vendor}.json`);
}
