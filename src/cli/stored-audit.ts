import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditReport } from '../report/index.ts';
import { configValidator } from '../schema/index.ts';
import { UsageError } from './usage-error.ts';

// An audit.json is kilobytes; anything this large is not one.
const MAX_AUDIT_BYTES = 32 * 1024 * 1024;

const ratio = { type: 'object', required: ['numerator', 'denominator'], properties: { numerator: { type: 'number' }, denominator: { type: 'number' } } };
const dimension = { ...ratio, required: ['score', 'numerator', 'denominator'], properties: { ...ratio.properties, score: { type: ['number', 'null'] } } };
const counts = { type: 'object', required: ['breaking', 'warning', 'info'], properties: { breaking: { type: 'number' }, warning: { type: 'number' }, info: { type: 'number' } } };

/** What the comparison reads of an audit.json: checked whole before anything is rendered from it. */
const validate = configValidator({
  type: 'object',
  required: ['vendor', 'verdict', 'exitCode', 'specDefects', 'counts', 'scorecard'],
  properties: {
    vendor: { type: 'string' },
    verdict: { enum: ['pass', 'fail', 'inconclusive', null] },
    exitCode: { type: 'integer' },
    specDefects: { type: 'array' },
    counts: { type: 'object', required: ['findings'], properties: { findings: counts } },
    scorecard: {
      type: 'object',
      required: ['documentQuality', 'coverage', 'conformance', 'errorDiscipline', 'authEnforcement', 'undocumentedFields', 'weightedScore', 'grade'],
      properties: {
        documentQuality: { ...dimension, required: [...dimension.required, 'withoutErrorSchema'], properties: { ...dimension.properties, withoutErrorSchema: ratio } },
        coverage: dimension,
        conformance: dimension,
        errorDiscipline: dimension,
        authEnforcement: dimension,
        undocumentedFields: dimension,
        moneyIntegrity: dimension,
        weightedScore: { type: ['number', 'null'] },
        grade: { enum: ['A', 'B', 'C', 'D', 'F', null] },
      },
    },
  },
});

/** DIR/audit.json as `conform audit` wrote it, or a UsageError naming the folder and what is wrong. */
export async function readStoredAudit(dir: string, shown: string): Promise<AuditReport> {
  const file = join(dir, 'audit.json');
  const refuse = (why: string): never => {
    throw new UsageError(`conform audit --compare: ${shown}/audit.json ${why}`);
  };
  const size = await stat(file).then(
    (stats) => (stats.isFile() ? stats.size : refuse('is not a file')),
    (error: NodeJS.ErrnoException) => refuse(`cannot be read (${error.code ?? 'error'})`),
  );
  if (size > MAX_AUDIT_BYTES) refuse(`is larger than ${MAX_AUDIT_BYTES} bytes`);
  let audit: unknown;
  try {
    audit = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return refuse('is not JSON');
  }
  const [violation] = validate(audit);
  if (violation) refuse(`is not a conform audit (${violation.pointer || '/'}: ${violation.message})`);
  const { scorecard } = audit as AuditReport;
  // An audit written before the money integrity line measured none.
  scorecard.moneyIntegrity ??= { score: null, numerator: 0, denominator: 0 };
  return audit as AuditReport;
}
