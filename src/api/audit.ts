import { resolve } from 'node:path';
import type { AuditReport } from '../report/index.ts';
import { readEnvironment } from '../run/index.ts';

export interface AuditOptions {
  /** The vendor's OpenAPI document(s). */
  spec: string | string[];
  /** Where the vendor answers, http(s), no credentials in it. */
  baseUrl: string;
  /** The vendor's name: reports and findings use it, and a vendors/NAME.yaml of that name lends its live limits and money rules. */
  vendor: string;
  /** A credential for one of the documents' securitySchemes; without it, secured operations cannot be audited. */
  auth?: { scheme: string; credential: string };
  /** A value for a path or query parameter the derived cases need (an existing id), by parameter name. */
  fixtures?: Record<string, string>;
  /** Sent with every request. */
  headers?: Record<string, string>;
  /** Also send the requests that could change the vendor's data (POST, PUT, PATCH, DELETE). */
  allowUnsafe?: boolean;
  /** Where audit.json, audit.md and audit.html are written, relative to cwd; default reports/audit/VENDOR. */
  out?: string;
  /** Default process.cwd(). */
  cwd?: string;
  /** Variables (CONFORM_*), with cwd's .env under them; default process.env. */
  env?: Record<string, string | undefined>;
  /** Progress lines, credentials redacted; default: none. */
  print?: (line: string) => void;
}

export interface AuditResult {
  /** As `conform audit` exits: 0 pass, 1 breaking findings, 3 inconclusive or unreachable. */
  exitCode: number;
  /** What audit.json holds (docs/audit.md). */
  audit: AuditReport;
  /** The absolute folder the audit was written to. */
  out: string;
}

/**
 * What `conform audit` does: cases derived from the documents, run against the base URL with every
 * check, judged with no baseline and no waivers, written as audit.json, audit.md and audit.html.
 * Rejects before any request when a document cannot be loaded or the credential fits no scheme.
 */
export async function audit(options: AuditOptions): Promise<AuditResult> {
  const cwd = options.cwd ?? process.cwd();
  const out = resolve(cwd, options.out ?? `reports/audit/${options.vendor}`);
  // Loaded here: the pipeline is most of conform, and `conform check` (built on this API) never audits.
  const { runAudit } = await import('../pipeline/index.ts');
  const { exitCode, audit: report } = await runAudit(
    {
      vendor: options.vendor,
      specs: typeof options.spec === 'string' ? [options.spec] : options.spec,
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      auth: options.auth ?? null,
      fixtures: options.fixtures ?? {},
      headers: Object.fromEntries(Object.entries(options.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
      allowUnsafe: options.allowUnsafe ?? false,
    },
    { cwd, env: readEnvironment(cwd, options.env ?? process.env), out, print: options.print ?? (() => undefined) },
  );
  return { exitCode, audit: report, out };
}
