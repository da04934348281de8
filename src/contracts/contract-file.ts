import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CredentialUse } from '../vendors/index.ts';
import { CREDENTIAL_HEADER, isCredentialKind } from './credentials.ts';
import { RECORDED_METADATA } from './recorded-metadata.ts';
import { contractKind, howToRecord, type ContractKind } from './settings.ts';

/** A stored contract that cannot be used: missing, unreadable or not a pact. The CLI prints it and exits 2. */
export class ContractFileError extends Error {
  override readonly name = 'ContractFileError';

  /** True when there is no file at all: nothing recorded yet, rather than a broken file. */
  constructor(message: string, readonly missing = false) {
    super(message);
  }
}

export interface StoredInteraction {
  description: string;
  /** From the interaction's comments; the description when a contract was not written by conform. */
  case: string;
  operation: string | null;
  status: number | null;
  credential: CredentialUse;
}

export interface StoredContract {
  file: string;
  /** From the file's name: CONSUMER-VENDOR.json is live, CONSUMER-VENDOR.sandbox.json the embedded sandbox's. */
  kind: ContractKind;
  /** What the pact's metadata says it was recorded against; null for a pact conform did not mark (older, or another tool's). */
  recorded: ContractKind | null;
  consumer: string;
  provider: string;
  interactions: StoredInteraction[];
  /** The file's exact text, for publishing byte for byte. */
  text: string;
}

/** Reads what verify and publish need of a pact file; the Verifier and the broker read the file itself. */
export async function readContract(file: string): Promise<StoredContract> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ContractFileError(`no contract at ${file}; record one with: ${howToRecord(file)}`, true);
    throw new ContractFileError(`cannot read ${file} (${code ?? 'error'})`);
  }
  let pact: PactJson;
  try {
    pact = JSON.parse(text) as PactJson;
  } catch {
    throw new ContractFileError(`${file} is not JSON`);
  }
  if (typeof pact.consumer?.name !== 'string' || typeof pact.provider?.name !== 'string' || !Array.isArray(pact.interactions)) {
    throw new ContractFileError(`${file} is not a pact (no consumer, provider or interactions)`);
  }
  const kind = contractKind(file);
  const marked = pact.metadata?.[RECORDED_METADATA.namespace]?.[RECORDED_METADATA.name];
  const recorded = marked === 'live' || marked === 'sandbox' ? marked : null;
  // A sandbox's pact renamed to the vendor's name (or the other way round) would hold one to the other's answers.
  if (recorded !== null && recorded !== kind) throw new ContractFileError(`${file} is named as the ${KIND_NAME[kind]}'s contract but was recorded against the ${KIND_NAME[recorded]}; record it again with: ${howToRecord(file)}`);
  return { file, kind, recorded, consumer: pact.consumer.name, provider: pact.provider.name, interactions: pact.interactions.map(storedInteraction), text };
}

/** Every contract in a folder (its *.json files, live and sandbox), in name order; none when the folder does not exist. */
export async function readContracts(dir: string): Promise<StoredContract[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return Promise.all(names.filter((name) => name.endsWith('.json')).sort().map((name) => readContract(join(dir, name))));
}

function storedInteraction(interaction: PactInteraction): StoredInteraction {
  const description = String(interaction.description ?? '');
  const credential = interaction.request?.headers?.[CREDENTIAL_HEADER]?.[0];
  return {
    description,
    case: typeof interaction.comments?.case === 'string' ? interaction.comments.case : description,
    operation: typeof interaction.comments?.operation === 'string' ? interaction.comments.operation : null,
    status: typeof interaction.response?.status === 'number' ? interaction.response.status : null,
    credential: isCredentialKind(credential) ? credential : 'valid',
  };
}

/** The parts of a V4 pact file read here. */
const KIND_NAME: Record<ContractKind, string> = { live: 'live vendor', sandbox: 'embedded sandbox' };

interface PactJson {
  metadata?: Record<string, Record<string, unknown> | undefined>;
  consumer?: { name?: unknown };
  provider?: { name?: unknown };
  interactions?: PactInteraction[];
}

interface PactInteraction {
  description?: unknown;
  comments?: { case?: unknown; operation?: unknown };
  request?: { headers?: Record<string, unknown[] | undefined> };
  response?: { status?: unknown };
}
