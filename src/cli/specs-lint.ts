import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { displayFinding } from '../findings/index.ts';
// Not the report entry point: these one-shot commands would load every report module for one function (+8% CPU a start).
import { withSeverity, type JudgedDefect } from '../judge/index.ts';
import { renderFindingsText, withMessages } from '../report/findings-text.ts';
import { SpecLoadError } from '../spec/index.ts';
import { formatSize } from '../spec/index.ts';
import { loadSpec } from '../spec/index.ts';
import { EXIT } from '../results/index.ts';
import type { Command } from './io.ts';
import type { CommandDeclaration } from './options.ts';
import { configuredSeverity } from './severity.ts';
import { parseCommandArgs, UsageError } from './usage-error.ts';

export const specsLintDeclaration = {
  command: 'specs lint',
  usage: '[FILE|DIR...] [--json]',
  positionals: true,
  options: { json: { type: 'boolean', default: false, description: 'print the documents and their defects as JSON' } },
} as const satisfies CommandDeclaration;

/** Where documents are looked for when no FILE or DIR is given. */
const DEFAULT_DIR = 'specs';

/**
 * Lists the defects of vendor documents (default: every document under specs/). Defects are reported,
 * not fatal: the exit code is non-zero only when a document cannot be loaded at all.
 */
export const specsLintCommand: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(specsLintDeclaration, args);
  const severity = configuredSeverity('specs lint', io.cwd, io.env);
  const files = positionals.length > 0 ? await documentsOf(positionals, io.cwd) : await findDocuments(DEFAULT_DIR, io.cwd).catch(() => []);
  // Linting nothing must not look like a clean bill: an empty folder or a missing specs/ says so.
  if (files.length === 0) throw new UsageError(`conform specs lint: no documents (.yaml, .yml, .json) in ${positionals.length > 0 ? positionals.join(', ') : `${DEFAULT_DIR}/`}`);
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

/** Each FILE as given, each DIR as the documents under it (as the default finds them under specs/). */
async function documentsOf(paths: string[], cwd: string): Promise<string[]> {
  const lists = await Promise.all(
    paths.map(async (path) => {
      // A file, or a path that cannot be read, goes to loadSpec as before: it names what is wrong, located.
      const isDir = await stat(resolve(cwd, path)).then((s) => s.isDirectory(), () => false);
      if (!isDir) return [path];
      return findDocuments(path, cwd).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`conform specs lint: cannot read ${path}: ${error.code === 'EACCES' || error.code === 'EPERM' ? 'permission denied' : error.message}`);
      });
    }),
  );
  return lists.flat();
}

/** The documents (.yaml, .yml, .json) under dir, at any depth, named as dir/..., sorted. */
async function findDocuments(dir: string, cwd: string): Promise<string[]> {
  const entries = await readdir(resolve(cwd, dir), { recursive: true });
  return entries
    .filter((entry) => /\.(ya?ml|json)$/.test(entry))
    .map((entry) => join(dir, entry))
    .sort();
}
