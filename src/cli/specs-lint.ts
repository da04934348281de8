import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { displayFinding } from '../findings/index.ts';
// Not the report entry point: these one-shot commands would load every report module for one function (+8% CPU a start).
import { withSeverity, type JudgedDefect } from '../judge/index.ts';
import { renderFindingsText, withMessages } from '../report/findings-text.ts';
import { SpecLoadError } from '../spec/index.ts';
import { formatSize } from '../spec/index.ts';
import { loadSpec } from '../spec/index.ts';
import { EXIT } from '../results/index.ts';
import type { Command } from './io.ts';
import { configuredSeverity } from './severity.ts';
import { parseCommandArgs } from './usage-error.ts';

/**
 * Lists the defects of vendor documents (default: every document under specs/). Defects are reported,
 * not fatal: the exit code is non-zero only when a document cannot be loaded at all.
 */
export const specsLintCommand: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs('specs lint', {
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const severity = configuredSeverity('specs lint', io.cwd, io.env);
  const files = positionals.length > 0 ? positionals : await findDocuments(io.cwd);
  const results: Array<{ file: string; bytes: number; defects: JudgedDefect[] } | { file: string; error: string }> = [];
  for (const file of files) {
    try {
      const spec = await loadSpec(file, { cwd: io.cwd });
      results.push({ file, bytes: spec.bytes, defects: withSeverity(spec.defects, severity).map(displayFinding) });
    } catch (error) {
      if (!(error instanceof SpecLoadError)) throw error;
      results.push({ file, error: error.located });
    }
  }

  if (values.json) io.stdout(`${JSON.stringify(results.map((r) => ('error' in r ? r : { ...r, defects: withMessages(r.defects) })), null, 2)}\n`);
  else {
    for (const result of results) {
      if ('error' in result) io.stderr(`${result.error}\n`);
      else io.stdout(`${result.file} (${formatSize(result.bytes)}): ${result.defects.length} defect(s)\n${result.defects.length ? renderFindingsText(result.defects) : ''}`);
    }
  }
  return results.some((r) => 'error' in r) ? EXIT.cannotRun : EXIT.pass;
};

async function findDocuments(cwd: string): Promise<string[]> {
  const root = join(cwd, 'specs');
  const entries = await readdir(root, { recursive: true }).catch(() => [] as string[]);
  return entries
    .filter((entry) => /\.(ya?ml|json)$/.test(entry))
    .map((entry) => relative(cwd, join(root, entry)))
    .sort();
}
