import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkResponse, loadSpec, operationKey, UnknownOperationError, type Spec } from '../api/index.ts';
import { displayFinding } from '../findings/index.ts';
// Not the report entry point: these one-shot commands would load every report module for one function (+8% CPU a start).
import { withSeverity } from '../judge/index.ts';
import { renderFindingsText, withMessages } from '../report/findings-text.ts';
import { EXIT } from '../results/index.ts';
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
  const key = knownOperation(spec, values.operation);
  const body = await readBody(bodyFile, io.cwd);
  const headers: Record<string, string> = values['content-type'] ? { 'content-type': values['content-type'] } : {};
  const { operation, findings, moneyRules } = await checkResponse(spec, key, { status, headers, body }, { cwd: io.cwd, severity, unmasked: true });
  const specDefects = withSeverity(spec.defects, severity).map(displayFinding);

  if (values.json) io.stdout(`${JSON.stringify({ spec: spec.file, operation, status, moneyRules, findings: withMessages(findings), specDefects: withMessages(specDefects) }, null, 2)}\n`);
  else {
    io.stdout(renderFindingsText(findings));
    if (spec.defects.length > 0) io.stdout(`note: ${spec.file} has ${spec.defects.length} document defect(s); see: conform specs lint ${spec.file}\n`);
  }
  return findings.some((f) => f.severity === 'breaking') ? EXIT.fail : EXIT.pass;
};

function knownOperation(spec: Spec, operation: string): string {
  try {
    return operationKey(spec, operation);
  } catch (error) {
    throw error instanceof UnknownOperationError ? new UsageError(`conform check: ${error.message}`) : error;
  }
}

async function readBody(file: string, cwd: string): Promise<Uint8Array> {
  try {
    return await readFile(resolve(cwd, file));
  } catch (error) {
    throw new UsageError(`conform check: cannot read body file ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
