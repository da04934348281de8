import { once } from 'node:events';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  authIsOptional,
  SANDBOX_VENDORS,
  sandboxScenarios,
  startGenericSandbox,
  startSandbox,
  type RunningGenericSandbox,
  type RunningSandbox,
  type SandboxOptions,
  type SandboxVendor,
} from '../sandbox/index.ts';
import { loadVendors, type VendorDefinition } from '../vendors/index.ts';
import { EXIT } from '../results/index.ts';
import type { CliIo, Command } from './io.ts';
import { helpHint, usageLine, type CommandDeclaration } from './options.ts';

export const sandboxDeclaration = {
  command: 'sandbox',
  usage: 'VENDOR [--port N] [--scenario NAME] [--require-auth]',
  positionals: true,
  options: {
    port: { type: 'string', value: 'N', description: 'the port to listen on, 0-65535 (default: 0, a free port)' },
    scenario: { type: 'string', value: 'NAME', description: 'the drift scenario the sandbox plays (default: faithful); a wrong one lists the valid ones' },
    'require-auth': { type: 'boolean', description: `require bearer auth where the vendor makes it optional (${SANDBOX_VENDORS.filter(authIsOptional).join(', ')})` },
  },
} as const satisfies CommandDeclaration;
const USAGE = usageLine(sandboxDeclaration);

interface SandboxInvocation {
  vendor: SandboxVendor;
  options: SandboxOptions;
}

/** A vendor with a file but no hand-made sandbox: the sandbox generated from its newest document. */
interface GenericInvocation {
  definition: VendorDefinition;
  port: number;
}

/** `conform sandbox VENDOR ...`: serves until SIGINT or SIGTERM. */
export const sandboxCommand: Command = async (args, io) => {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await runSandboxCli(args, io, stop.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
};

/** The command itself, stopped by `stop` rather than by process signals, so tests can run it. */
export async function runSandboxCli(args: string[], io: CliIo, stop: AbortSignal): Promise<number> {
  const request = parseSandboxArgs(args, io.cwd);
  if (typeof request === 'string') {
    io.stderr(`conform sandbox: ${request}\n`);
    return EXIT.cannotRun;
  }
  const name = 'definition' in request ? request.definition.name : request.vendor;
  let started: { banner: string; close(): Promise<void> };
  try {
    started = 'definition' in request ? await startGeneric(request, io.cwd) : await startHandMade(request);
  } catch (error) {
    io.stderr(`conform sandbox: could not start the ${name} sandbox: ${(error as Error).message}\n`);
    return EXIT.cannotRun;
  }
  io.stdout(started.banner);
  if (!stop.aborted) await once(stop, 'abort');
  await started.close();
  io.stdout(`${name} sandbox stopped\n`);
  return EXIT.pass;
}

/** The vendor and options, or a one-line message naming what is wrong and what is valid. */
function parseSandboxArgs(args: string[], cwd: string): SandboxInvocation | GenericInvocation | string {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: sandboxDeclaration.options });
  } catch (error) {
    return `${(error as Error).message}; ${USAGE}; ${helpHint('sandbox')}`;
  }
  const { positionals, values } = parsed;
  const fileVendors = loadVendors(cwd).filter((definition) => !(SANDBOX_VENDORS as readonly string[]).includes(definition.name));
  const validVendors = [...SANDBOX_VENDORS, ...fileVendors.map((definition) => definition.name)].join(', ');
  if (positionals.length !== 1) return `expected exactly one VENDOR (${validVendors}); ${USAGE}`;
  const port = parsePort(values.port);
  if (port === undefined) return `invalid --port '${values.port}'; expected an integer from 0 to 65535 (0 picks a free port)`;
  const definition = fileVendors.find((candidate) => candidate.name === positionals[0]);
  if (definition) {
    if ((values.scenario ?? 'faithful') !== 'faithful') return `unknown ${definition.name} scenario '${values.scenario}'; a sandbox generated from a document has one: faithful`;
    if (values['require-auth']) return `--require-auth applies only where auth is optional (${SANDBOX_VENDORS.filter(authIsOptional).join(', ')}), not ${definition.name}`;
    return { definition, port };
  }
  const vendor = SANDBOX_VENDORS.find((name) => name === positionals[0]);
  if (!vendor) return `unknown vendor '${positionals[0]}'; valid vendors: ${validVendors}`;
  const scenarioNames = sandboxScenarios(vendor).map((scenario) => scenario.name);
  const scenario = values.scenario ?? 'faithful';
  if (!scenarioNames.includes(scenario)) return `unknown ${vendor} scenario '${scenario}'; valid scenarios: ${scenarioNames.join(', ')}`;
  const requireAuth = values['require-auth'] ?? false;
  const optionalAuth = SANDBOX_VENDORS.filter(authIsOptional).join(', ');
  if (requireAuth && !authIsOptional(vendor)) return `--require-auth applies only where auth is optional (${optionalAuth}), not ${vendor}`;
  return { vendor, options: { port, scenario, requireAuth } };
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return 0;
  return /^\d+$/.test(text) && Number(text) <= 65535 ? Number(text) : undefined;
}

async function startHandMade({ vendor, options }: SandboxInvocation): Promise<{ banner: string; close(): Promise<void> }> {
  const sandbox = await startSandbox(vendor, options);
  return { banner: describeSandbox(vendor, sandbox, options), close: sandbox.close };
}

function describeSandbox(vendor: SandboxVendor, sandbox: RunningSandbox, options: SandboxOptions): string {
  return [
    `${sandbox.vendor} sandbox listening at ${sandbox.url}\n`,
    `scenario: ${sandbox.scenario}\n`,
    authIsOptional(vendor) ? `bearer auth: ${options.requireAuth ? 'required' : 'off (start with --require-auth to require it)'}\n` : '',
    `fixtures:\n${entries(sandbox.fixtures)}`,
    `credentials (fake, valid only against this sandbox):\n${entries(sandbox.credentials)}`,
    `scenarios: ${sandboxScenarios(vendor).map((scenario) => scenario.name).join(', ')}\n`,
    'Stop with Ctrl+C.\n',
  ].join('');
}

/** The sandbox a run would start for the vendor (embeddedSandboxFor), started directly for its token URL. */
async function startGeneric({ definition, port }: GenericInvocation, cwd: string): Promise<{ banner: string; close(): Promise<void> }> {
  const sandbox = await startGenericSandbox({ document: resolve(cwd, definition.specs[0]!), port });
  return { banner: describeGeneric(sandbox, definition), close: sandbox.close };
}

function describeGeneric(sandbox: RunningGenericSandbox, definition: VendorDefinition): string {
  const scheme = definition.auth.name;
  const tokenUrl = sandbox.tokenUrls[scheme];
  return [
    `${definition.name} sandbox listening at ${sandbox.url}\n`,
    `generated from ${definition.specs[0]}: its examples (or samples of its schemas), its documented errors and auth\n`,
    'scenario: faithful\n',
    `fixtures:\n${entries(sandbox.fixtures)}`,
    `credentials (fake, valid only against this sandbox; scheme ${scheme}${tokenUrl ? ', client_id:client_secret' : ''}):\n${entries({ ...sandbox.credentials[scheme] })}`,
    tokenUrl ? `token URL (exchange the credentials for a token there, grant client_credentials): ${tokenUrl}\n` : '',
    'Stop with Ctrl+C.\n',
  ].join('');
}

function entries(record: Record<string, string>): string {
  return Object.entries(record).map(([name, value]) => `  ${name}: ${value}\n`).join('');
}
