// Child-process entry: records the contracts of a finished `conform run` again, from its
// reports/latest/results.json, in a fresh process. As in the run, the vendor documents are already
// loaded (the run loads them once, before its suites) and pact-core is imported; the recording
// itself is timed. Prints {"ms", "interactions"}: the recording's part of that run's time.
import { readFile } from 'node:fs/promises';
import { recordContracts } from '../../src/contracts/index.ts';
import type { CaseResult } from '../../src/results/index.ts';
import { loadSpec } from '../../src/spec/load.ts';
import type { LoadedSpec } from '../../src/spec/types.ts';
import { loadVendors, vendorNamed, vendorTarget, type VendorTarget } from '../../src/vendors/index.ts';
import { ROOT } from './root.ts';

const [resultsFile, contractsDir] = process.argv.slice(2);
const results = JSON.parse(await readFile(resultsFile!, 'utf8')) as CaseResult[];
// recordContracts reads only vendor, mode and scenario of a target: the embedded default's.
const targets = [...new Set(results.map((r) => r.vendor))].map(
  (vendor): VendorTarget =>
    vendorTarget(vendorNamed(loadVendors(ROOT), vendor)!, {
      mode: 'sandbox',
      scenario: 'faithful',
      baseUrl: 'http://127.0.0.1',
      production: false,
      credentials: { valid: null, limited: null },
      fixtures: {},
      headers: {},
    }),
);
const specs = new Map<string, LoadedSpec>();
for (const file of targets.flatMap((t) => t.specs)) specs.set(file, await loadSpec(file, { cwd: ROOT }));
const start = performance.now();
const recorded = await recordContracts({ cwd: ROOT, env: { CONFORM_CONTRACTS_DIR: contractsDir }, targets, results, secretForms: [], specs });
const interactions = recorded.reduce((sum, contract) => sum + contract.interactions, 0);
process.stdout.write(`${JSON.stringify({ ms: performance.now() - start, interactions })}\n`);
