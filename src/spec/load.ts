import { basename, dirname, resolve as resolvePath } from 'node:path';
import { runCheck } from '../findings/index.ts';
import { makeFinding, type Finding } from '../findings/index.ts';
import { sharedSchemaRegistry, type SchemaRegistry } from '../schema/index.ts';
import { bundleExternalRefs } from './bundle.ts';
import { SpecLoadError } from './errors.ts';
import { allowedRoot } from './files.ts';
import type { LintContext, LintFacts, SiteRule } from './lint/context.ts';
import { examplesMismatch } from './lint/example-mismatch.ts';
import { formatUnknown } from './lint/format-unknown.ts';
import { discriminatorSites, discriminatorsUnsupported, patternsUnsupported } from './lint/keyword-unsupported.ts';
import { refsOutside } from './lint/ref-outside.ts';
import { refUnresolved } from './lint/ref-unresolved.ts';
import { schemaInvalid } from './lint/schema-invalid.ts';
import { normalizeOpenApi30 } from './normalize.ts';
import { listOperations } from './operations.ts';
import { readDocument } from './parse.ts';
import { prepareForValidation } from './prepare.ts';
import type { LoadedSpec } from './types.ts';
import { forEachSchemaSite, isObject } from './walk.ts';

export interface LoadOptions {
  /** Vendor name for findings; default: x-provenance.vendor, else the document's folder name. */
  vendor?: string;
  cwd?: string;
  registry?: SchemaRegistry;
  /**
   * Whether response examples are validated (spec-example-mismatch; default yes; exampleDefects later).
   * It compiles a validator for every example's schema: a suite worker, whose run reports the defects,
   * skips it, and the run does it while the worker starts.
   */
  checkExamples?: boolean;
}

/** Site rules run in this order: a non-schema is replaced before its pattern, $ref or format is looked at. */
const SITE_RULES: readonly SiteRule[] = [schemaInvalid, patternsUnsupported, refUnresolved, formatUnknown];

/**
 * Loads an OpenAPI 3.0 or 3.1 document (YAML or JSON) for checking. Throws SpecLoadError only when
 * nothing can be checked at all; every defect inside the document becomes a located spec-* finding,
 * the broken part is made unconstrained, and the rest still checks.
 */
export async function loadSpec(file: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const cwd = options.cwd ?? process.cwd();
  const absolutePath = resolvePath(cwd, file);
  const { document: parsed, bytes } = await readDocument(file, absolutePath);
  const openapi = openApiVersion(file, parsed);
  const { document, refusalOf } = await bundleExternalRefs(file, absolutePath, parsed as Record<string, unknown>, allowedRoot(absolutePath, cwd));
  if (openapi.startsWith('3.0')) normalizeOpenApi30(document);

  const info = isObject(document.info) ? document.info : {};
  const provenance = isObject(document['x-provenance']) ? document['x-provenance'] : {};
  const vendor = options.vendor ?? (typeof provenance.vendor === 'string' ? provenance.vendor : basename(dirname(absolutePath)));
  const defects: Finding[] = [];
  const registry = options.registry ?? sharedSchemaRegistry();
  const lint: LintContext = { document, knownFormats: registry.knownFormats(), refusalOf };
  const report = (facts: readonly LintFacts[]) => {
    for (const { pointer, ...details } of facts) defects.push(makeFinding({ ...details, vendor, location: { file, pointer } }));
  };

  report(runCheck(refsOutside, lint));
  forEachSchemaSite(document, (site) => {
    const input = { site, lint };
    for (const rule of SITE_RULES) report(runCheck(rule, input));
  });
  const operations = listOperations(document);
  const { documentId, validationCopy, prepared } = prepareForValidation(document, registry);
  const sites = discriminatorSites(validationCopy);
  if (sites.length > 0) {
    report(runCheck(discriminatorsUnsupported, { document, registry, documentId, sites }));
    registry.replace(documentId, validationCopy);
  }

  const spec: LoadedSpec = {
    file,
    bytes,
    vendor,
    title: String(info.title ?? ''),
    version: String(info.version ?? ''),
    openapi,
    servers: (Array.isArray(document.servers) ? document.servers : []).filter(isObject).map((s) => String(s.url ?? '')),
    operations,
    defects,
    document,
    validation: { registry, documentId, prepared },
  };
  if (options.checkExamples !== false) defects.push(...exampleDefects(spec));
  return spec;
}

/** A loaded document's response examples that fail its own schemas (spec-example-mismatch), located in its file. */
export function exampleDefects(spec: LoadedSpec): Finding[] {
  const { document, operations, vendor, file, validation } = spec;
  return runCheck(examplesMismatch, { document, operations, ...validation }).map(({ pointer, ...details }) => makeFinding({ ...details, vendor, location: { file, pointer } }));
}

function openApiVersion(file: string, parsed: unknown): string {
  if (!isObject(parsed)) throw new SpecLoadError('SPEC_NOT_OPENAPI', { file }, 'the document is not a YAML/JSON object');
  const version = parsed.openapi;
  if (version === undefined) {
    const hint = parsed.swagger !== undefined ? ' (Swagger 2.0 is not supported; convert it to OpenAPI 3)' : '';
    throw new SpecLoadError('SPEC_NOT_OPENAPI', { file, pointer: '/openapi' }, `no "openapi" field: not an OpenAPI 3 document${hint}`);
  }
  if (typeof version !== 'string' || !/^3\.[01]\.\d+/.test(version)) {
    throw new SpecLoadError('SPEC_VERSION_UNSUPPORTED', { file, pointer: '/openapi' }, `OpenAPI ${String(version)} is not supported (3.0.x and 3.1.x are)`);
  }
  return version;
}
