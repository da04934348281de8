import type { TestProject } from 'vitest/node';
import { readEnvironment, resolveRunConfig } from './config.ts';
import { withDerivedCases } from './derive/index.ts';
import { startTargets } from './targets.ts';
import { parsedDocuments } from '../spec/index.ts';

/**
 * For running the suites with plain `vitest --project suites`: configures the vendors from the
 * environment exactly as `conform run` does and starts the sandboxes. (`conform run` starts them
 * itself and provides the same data.)
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cwd = project.config.root;
  const config = resolveRunConfig(readEnvironment(cwd, process.env), cwd);
  const { targets, close } = await startTargets(config);
  const runnable = await withDerivedCases(targets, config.vendors, cwd);
  project.provide('conform', { cwd, targets: runnable, http: config.http, severity: config.severity, documents: parsedDocuments() });
  return close;
}
