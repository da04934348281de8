import type { Finding } from '../findings/index.ts';
import { exampleDefects, loadSpec, type LoadedSpec } from '../spec/index.ts';
import type { VendorTarget } from '../vendors/index.ts';

/**
 * Every vendor document loaded once up front: its schemas go into the contracts, its defects into the
 * reports. Its examples are checked against its schemas only when the defects are asked for (the run
 * asks once the suites have begun: the worker starts meanwhile).
 */
export async function loadDocuments(targets: readonly VendorTarget[], cwd: string): Promise<{ defects: () => Map<string, Finding[]>; specs: Map<string, LoadedSpec> }> {
  const specs = new Map<string, LoadedSpec>();
  const loaded: LoadedSpec[][] = [];
  for (const target of targets) {
    loaded.push(await Promise.all(target.specs.map((file) => loadSpec(file, { cwd, vendor: target.vendor, checkExamples: false }))));
    for (const spec of loaded.at(-1)!) specs.set(spec.file, spec);
  }
  const defects = () => new Map(targets.map((target, i) => [target.vendor, loaded[i]!.flatMap((spec) => [...spec.defects, ...exampleDefects(spec)])]));
  return { defects, specs };
}
