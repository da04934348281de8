// `import { conformTo } from 'conform/vitest'; expect.extend({ conformTo })`: conform's checks as a vitest matcher.
import { resolve } from 'node:path';
import type { MatcherState } from 'vitest';
import type { Severity } from '../findings/index.ts';
import { notCheckedFinding } from '../results/index.ts';
import { checkResponse, type CheckedFinding } from './check.ts';
import type { ResponseLike } from './response.ts';
import { loadSpec, type Spec } from './spec.ts';

export interface ConformToOptions {
  /** The vendor's OpenAPI document, relative to `cwd`. */
  spec: string;
  /** "METHOD /path" as the document writes the path: "GET /ledger_accounts/{id}". */
  operation: string;
  /** The least severe finding that fails the assertion; default 'breaking' (warnings and info are shown, but pass). */
  failOn?: 'breaking' | 'warning';
  /** Where the document, vendors/*.yaml and .env are read; default process.cwd(). */
  cwd?: string;
  /** The vendor's name in findings. */
  vendor?: string;
}

declare module 'vitest' {
  interface Assertion<T = any> {
    /** Passes when the response (fetch Response, undici response or {status, headers, body}) conforms to the operation. */
    conformTo(options: ConformToOptions): Promise<void>;
  }
}

const FAILING: Record<NonNullable<ConformToOptions['failOn']>, readonly Severity[]> = { breaking: ['breaking'], warning: ['breaking', 'warning'] };
const SEVERITIES: readonly Severity[] = ['breaking', 'warning', 'info'];

// Each document is loaded, and its schemas compiled, once per worker: a suite asserts many responses against few documents.
const specs = new Map<string, Promise<Spec>>();

function cachedSpec(file: string, cwd: string, vendor: string | undefined): Promise<Spec> {
  const key = `${resolve(cwd, file)}\u0000${vendor ?? ''}`;
  let spec = specs.get(key);
  if (!spec) {
    spec = loadSpec(file, { cwd, vendor });
    // A document that failed to load is read again next time (it may have been fixed).
    spec.catch(() => specs.delete(key));
    specs.set(key, spec);
  }
  return spec;
}

/** The matcher: every check on the response; fails on a finding at or above `failOn`, or when a check could not run, with the findings grouped by severity. */
export async function conformTo(this: MatcherState, received: ResponseLike, options: ConformToOptions): Promise<{ pass: boolean; message: () => string }> {
  const cwd = options.cwd ?? process.cwd();
  const failing = FAILING[options.failOn ?? 'breaking'];
  if (!failing) throw new TypeError(`conformTo: failOn must be 'breaking' or 'warning', got ${JSON.stringify(options.failOn)}`);
  const spec = await cachedSpec(options.spec, cwd, options.vendor);
  const { operation, findings } = await checkResponse(spec, options.operation, received, { cwd });
  const failed = findings.filter((finding) => failing.includes(finding.severity));
  // A body a check could not read (cut at the cap, too deep, a schema that does not compile) conforms to nothing we know of, whatever its severity.
  const unchecked = notCheckedFinding(findings);
  const subject = `the response to ${operation} in ${spec.file}`;
  return {
    // With `.not` too: an unchecked body is not known to break the contract either.
    pass: unchecked ? this.isNot : failed.length === 0,
    message: () =>
      unchecked
        ? `expected ${subject} to be checked, but it was not checked: ${unchecked.message}\n${groupedFindings(findings)}`
        : failed.length === 0
          ? `expected ${subject} not to conform, but it has no ${failing.join(' or ')} finding${findings.length > 0 ? `\n${groupedFindings(findings)}` : ''}`
          : `expected ${subject} to conform, but it has ${counted(findings)}:\n${groupedFindings(findings)}`,
  };
}

function counted(findings: readonly CheckedFinding[]): string {
  return SEVERITIES.map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`)
    .join(', ');
}

/** By severity, most severe first: each finding's id, pointer, expected, observed and message. */
function groupedFindings(findings: readonly CheckedFinding[]): string {
  return SEVERITIES.flatMap((severity) => {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) return [];
    const lines = group.map((f) => `  ${f.id} at ${f.pointer === null ? '-' : f.pointer || '/'} (status ${f.status ?? '-'})\n    expected: ${f.expected ?? '-'}\n    observed: ${f.observed ?? '-'}\n    ${f.message}`);
    return [`${severity}:`, ...lines];
  }).join('\n');
}
