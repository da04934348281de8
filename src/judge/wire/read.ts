import { joinPointer } from '../../json/index.ts';
import { BaselineFileError, baselineFile, readBaseline, type Baseline, type BaselineMode } from '../baseline/index.ts';

/**
 * The vendor's baseline to grade a spec diff with, or null when there is none. Beyond what
 * readBaseline refuses, every part the grading reads is checked, so a hand-edited file is one located
 * configuration error (exit 2) rather than a wrong grade or a crash.
 */
export async function readWireBaseline(dir: string, vendor: string, mode: BaselineMode): Promise<Baseline | null> {
  const baseline = await readBaseline(dir, vendor, mode);
  if (baseline === null) return null;
  const problem = shapeProblem(baseline.operations);
  if (problem) throw new BaselineFileError(`${baselineFile(dir, vendor, mode)}#${problem.pointer}`, problem.problem);
  return baseline;
}

interface Problem {
  pointer: string;
  problem: string;
}

type Check = (value: unknown) => string | null;

const record: Check = (value) => (isRecord(value) ? null : 'must be an object');
const flag: Check = (value) => (typeof value === 'boolean' ? null : 'must be true or false');
const list = (item: 'string' | 'number'): Check => (value) => (Array.isArray(value) && value.every((v) => typeof v === item) ? null : `must be a list of ${item}s`);
const codes: Check = (value) => (value === null || value === 'free-form' || list('string')(value) === null ? null : 'must be a list of strings, "free-form" or null');

const PROPERTY: Record<string, Check> = { nullable: flag, always: flag, values: codes, cases: list('string') };

function shapeProblem(operations: Record<string, unknown>): Problem | null {
  for (const [key, operation] of Object.entries(operations)) {
    const at = joinPointer('/operations', key);
    const found = fieldProblem(at, operation, { cases: record, responses: record });
    if (found) return found;
    const { cases, responses } = operation as { cases: Record<string, unknown>; responses: Record<string, unknown> };
    for (const [name, shape] of Object.entries(cases)) {
      const problem = fieldProblem(joinPointer(`${at}/cases`, name), shape, { statuses: list('number') });
      if (problem) return problem;
    }
    for (const [status, shape] of Object.entries(responses)) {
      const where = joinPointer(`${at}/responses`, status);
      const problem = fieldProblem(where, shape, { properties: record });
      if (problem) return problem;
      for (const [pointer, property] of Object.entries((shape as { properties: Record<string, unknown> }).properties)) {
        const wrong = fieldProblem(joinPointer(`${where}/properties`, pointer), property, PROPERTY);
        if (wrong) return wrong;
      }
    }
  }
  return null;
}

/** The first field of `value` (an object) that fails its check, located. */
function fieldProblem(at: string, value: unknown, fields: Record<string, Check>): Problem | null {
  if (!isRecord(value)) return { pointer: at, problem: 'must be an object' };
  for (const [name, check] of Object.entries(fields)) {
    const problem = check(value[name]);
    if (problem) return { pointer: joinPointer(at, name), problem: `${name} ${problem}` };
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
