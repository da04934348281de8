import { basename, join, resolve } from 'node:path';
import { optional, type Env, type VendorTarget } from '../vendors/index.ts';

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

/** What a contract was recorded against: the vendor itself, or its embedded sandbox. Kept apart, as baselines are. */
export type ContractKind = VendorTarget['mode'];

const SANDBOX_SUFFIX = '.sandbox.json';

/**
 * contracts/CONSUMER-VENDOR.json (the name Pact itself gives a pact between the two) for the live
 * vendor, CONSUMER-VENDOR.sandbox.json for its embedded sandbox: a sandbox run never replaces what
 * the live vendor answered.
 */
export function contractFile(settings: ContractSettings, vendor: string, kind: ContractKind): string {
  return join(settings.dir, `${settings.consumer}-${vendor}${kind === 'sandbox' ? SANDBOX_SUFFIX : '.json'}`);
}

/** A contract file's kind, by its name; the pact's metadata must agree (contract-file.ts). */
export function contractKind(file: string): ContractKind {
  return basename(file).endsWith(SANDBOX_SUFFIX) ? 'sandbox' : 'live';
}

/** How to record the contract a file names, for the message that says it is missing. */
export function howToRecord(file: string): string {
  return contractKind(file) === 'sandbox'
    ? 'conform run, with the vendor on its embedded sandbox (faithful scenario)'
    : "conform run, with the vendor's live variables set";
}
