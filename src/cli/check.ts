import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkResponse, NO_RULES, type SemanticInput } from '../checks/index.ts';
import { displayFinding } from '../findings/index.ts';
import { loadSpec } from '../spec/index.ts';
// Not the report entry point: these one-shot commands would load every report module for one function (+8% CPU a start).
import { withSeverity } from '../judge/index.ts';
import { renderFindingsText, withMessages } from '../report/findings-text.ts';
import { EXIT } from '../results/index.ts';
import { loadVendors, type VendorDefinition } from '../vendors/index.ts';
import type { Command } from './io.ts';
import { usageLine, type CommandDeclaration } from './options.ts';
import { configuredSeverity } from './severity.ts';
import { parseCommandArgs, UsageError } from './usage-error.ts';

export const checkDeclaration = {
  command: 'check',
  usage: '--spec FILE --operation "GET /path/{id}" --status N [--content-type T] [--json] BODYFILE',
  positionals: true,
  options: {
    spec: { type: 'string', value: 'FILE', description: 'the vendor OpenAPI document' },
    operation: { type: 'string', value: '"METHOD /path"', description: 'the operation that answered, as its document writes the path' },
    status: { type: 'string', value: 'N', description: 'the HTTP status of the saved response (100-599)' },
    'content-type': { type: 'string', default: 'application/json', value: 'T', description: 'the media type of the saved response' },
    json: { type: 'boolean', default: false, description: 'print the findings as JSON' },
  },
} as const satisfies CommandDeclaration;

/** Checks one saved response body against an operation of a vendor document. */
export const checkCommand: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(checkDeclaration, args);
  const [bodyFile] = positionals;
  if (!values.spec || !values.operation || !values.status || !bodyFile || positionals.length > 1) throw new UsageError(usageLine(checkDeclaration));
  const status = Number(values.status);
  if (!Number.isInteger(status) || status < 100 || status > 599) throw new UsageError(`conform check: --status must be an HTTP status code (100-599), got "${values.status}"`);

  const severity = configuredSeverity('check', io.cwd, io.env);
  const spec = await loadSpec(values.spec, { cwd: io.cwd });
  const operation = spec.operations.find((o) => o.key === normaliseOperation(values.operation!));
  if (!operation) {
    throw new UsageError(`conform check: ${values.spec} has no operation "${values.operation}" (it has: ${spec.operations.map((o) => o.key).join('; ')})`);
  }
  const body = await readBody(bodyFile, io.cwd);
  const headers: Record<string, string> = values['content-type'] ? { 'content-type': values['content-type'] } : {};
  const vendor = vendorListing(values.spec, io.cwd);
  // No request was made: there are no path parameters, so echo rules skip.
  const semantic: SemanticInput | undefined = vendor ? { declared: vendor.money.operations[operation.key] ?? NO_RULES, currencies: vendor.money.currencies, params: null } : undefined;
  const findings = withSeverity(checkResponse(spec, operation, { status, headers, body }, { integrity: true, semantic }), severity).map(displayFinding);
  const specDefects = withSeverity(spec.defects, severity).map(displayFinding);

  if (values.json) io.stdout(`${JSON.stringify({ spec: spec.file, operation: operation.key, status, moneyRules: vendor?.file ?? null, findings: withMessages(findings), specDefects: withMessages(specDefects) }, null, 2)}\n`);
  else {
    io.stdout(renderFindingsText(findings));
    if (spec.defects.length > 0) io.stdout(`note: ${spec.file} has ${spec.defects.length} document defect(s); see: conform specs lint ${spec.file}\n`);
  }
  return findings.some((f) => f.severity === 'breaking') ? EXIT.fail : EXIT.pass;
};

/** The vendor whose file lists the document (the first in run order): its money rules apply. */
function vendorListing(spec: string, cwd: string): VendorDefinition | null {
  const file = resolve(cwd, spec);
  return loadVendors(cwd).find((vendor) => vendor.specs.some((listed) => resolve(cwd, listed) === file)) ?? null;
}

function normaliseOperation(value: string): string {
  const [method = '', ...path] = value.trim().split(/\s+/);
  return `${method.toUpperCase()} ${path.join(' ')}`;
}

async function readBody(file: string, cwd: string): Promise<Uint8Array> {
  try {
    return await readFile(resolve(cwd, file));
  } catch (error) {
    throw new UsageError(`conform check: cannot read body file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
