import type { Finding } from '../findings/index.ts';
import { loadSpec, type LoadedSpec } from '../spec/index.ts';
import type { VendorTarget } from '../vendors/index.ts';

/** Every vendor document loaded once up front: its defects go into the reports, its schemas into the contracts. */
export async function loadDocuments(targets: readonly VendorTarget[], cwd: string): Promise<{ defects: Map<string, Finding[]>; specs: Map<string, LoadedSpec> }> {
  const specs = new Map<string, LoadedSpec>();
  const defects = new Map<string, Finding[]>();
  for (const target of targets) {
    const loaded = await Promise.all(target.specs.map((file) => loadSpec(file, { cwd, vendor: target.vendor })));
    for (const spec of loaded) specs.set(spec.file, spec);
    defects.set(target.vendor, loaded.flatMap((spec) => spec.defects));
  }
  return { defects, specs };
}
