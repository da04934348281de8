import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VendorReport } from '../../src/report/index.ts';

/** How many cases a finished run made for a vendor, from its report in `reportsDir`/latest. */
export async function casesRun(reportsDir: string, vendor: string): Promise<number> {
  const report = JSON.parse(await readFile(join(reportsDir, 'latest', `${vendor}.json`), 'utf8')) as VendorReport;
  return Object.values(report.outcomes).reduce((sum, count) => sum + count, 0);
}
