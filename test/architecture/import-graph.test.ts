// The one-way house, checked on the source itself: every import between src/ folders goes down the pipeline,
// never back up, and never through a wall. Reading the files (not a bundler) keeps this dependency-free.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

// The pipeline, earliest first (ARCHITECTURE.md says the same). A folder may import an earlier one, never a later one.
const PIPELINE: readonly string[] = [
  'json', // JSON pointers, raw values, duplicate keys: imports nothing of ours
  'findings', // the typed registry of finding IDs
  'schema', // the one ajv adapter
  'spec', // loading, bundling and linting vendor documents
  'checks', // one module per response check
  'http', // the one undici agent
  'results', // the case result and the exit codes: what every later stage shares
  'sandbox', // embedded vendor servers
  'vendors', // per vendor: documents, auth, variables, production guard
  'privacy', // personal-data masking, in the suite worker
  'redaction', // secret redaction, before anything is written or logged
  'files', // what the atomic writers share
  'run', // suite cases, the runtime, targets, the case collector
  'judge', // baselines, waivers, the severity policy, verdicts, exit codes: the one place severity is applied
  'contracts', // Pact contracts recorded and verified
  'report', // report data and messages, renderers, the report set's history and writer
  'pipeline', // runConformance and the re-judgement `conform verify` makes: drive run, judge, contracts and report
  'api', // the package's public API and vitest matcher (docs/api.md): conform as a library, at the edge like the CLI
  'cli', // one file per command
];

// Walls that hold whatever the order says.
const WALLS: Record<string, readonly string[]> = {
  checks: ['http', 'run', 'judge', 'report', 'contracts', 'cli'],
  spec: ['checks'],
  sandbox: ['checks', 'schema', 'spec'],
};

const RENDERER_DIR = join('report', 'formats');
const IO_MODULES = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https'].flatMap((name) => [name, `node:${name}`]).concat('undici');

type Edge = { from: string; to: string; file: string; specifier: string };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const SPECIFIERS = [
  /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm, // import … from '…' / export … from '…'
  /^\s*import\s*['"]([^'"]+)['"]/gm, // import '…' for its side effects
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
];

// `import type` and `export type` are erased: they load nothing at run time.
const TYPE_ONLY = /^\s*(?:import|export)\s+type\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm;

function specifiers(text: string): string[] {
  return SPECIFIERS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!));
}

/** What a file loads when it runs: its specifiers less the erased type-only imports. */
function loadedSpecifiers(text: string): string[] {
  return specifiers(text.replace(TYPE_ONLY, ''));
}

function folderOf(file: string): string {
  return relative(SRC, file).split(sep)[0]!;
}

const files = sourceFiles(SRC);
const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
const specifiersOf = new Map([...texts].map(([file, text]) => [file, specifiers(text)]));
const loadedOf = new Map([...texts].map(([file, text]) => [file, loadedSpecifiers(text)]));

const edges: Edge[] = [...specifiersOf].flatMap(([file, found]) =>
  found
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => ({ from: folderOf(file), to: folderOf(resolve(dirname(file), specifier)), file: relative(SRC, file), specifier }))
    .filter((edge) => edge.from !== edge.to),
);

function stageOf(folder: string): number {
  return PIPELINE.indexOf(folder);
}

/** One folder cycle as a path (a -> b -> … -> a), or undefined. */
function findCycle(): string[] | undefined {
  const next = new Map<string, Set<string>>();
  for (const edge of edges) next.set(edge.from, (next.get(edge.from) ?? new Set()).add(edge.to));
  const done = new Set<string>();
  const visit = (folder: string, path: string[]): string[] | undefined => {
    const at = path.indexOf(folder);
    if (at >= 0) return [...path.slice(at), folder];
    if (done.has(folder)) return undefined;
    for (const to of next.get(folder) ?? []) {
      const cycle = visit(to, [...path, folder]);
      if (cycle) return cycle;
    }
    done.add(folder);
    return undefined;
  };
  for (const folder of next.keys()) {
    const cycle = visit(folder, []);
    if (cycle) return cycle;
  }
  return undefined;
}

const describeEdge = (edge: Edge) => `src/${edge.file} imports '${edge.specifier}' (${edge.from} -> ${edge.to})`;

describe('the import graph of src/', () => {
  it('reads multi-line, re-export, side-effect and dynamic imports', () => {
    const text = "import {\n  a,\n  b,\n} from './a.ts';\nexport { c } from '../c/index.ts';\nimport './d.ts';\nconst e = import('../e.ts');\n";
    expect(specifiers(text).sort()).toEqual(['../c/index.ts', '../e.ts', './a.ts', './d.ts']);
  });

  it('counts a type-only import as loading nothing at run time', () => {
    const text = "import type { A } from './a.ts';\nexport type { B } from './b.ts';\nimport { type C, d } from './c.ts';\n";
    expect(loadedSpecifiers(text)).toEqual(['./c.ts']);
  });

  it('names every src/ folder in the pipeline order', () => {
    const folders = [...new Set(files.map(folderOf))].filter((folder) => !folder.endsWith('.ts'));
    expect(folders.filter((folder) => stageOf(folder) < 0)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const cycle = findCycle() ?? [];
    // The cycle as a path, each step with one import that makes it.
    const steps = cycle.slice(1).map((to, i) => describeEdge(edges.find((edge) => edge.from === cycle[i] && edge.to === to)!));
    expect(steps, `folder cycle ${cycle.join(' -> ')}`).toEqual([]);
  });

  it('never imports a later pipeline stage', () => {
    const upward = edges.filter((edge) => stageOf(edge.to) > stageOf(edge.from));
    expect(upward.map(describeEdge)).toEqual([]);
  });

  it("imports another folder only through its entry point (index.ts), but for the measured exception", () => {
    // conform check and specs lint need one renderer of report/, not the whole stage (ARCHITECTURE.md).
    const exceptions = new Set(['report/findings-text.ts']);
    const sideways = edges.filter((edge) => {
      const inside = relative(join(SRC, edge.to), resolve(SRC, dirname(edge.file), edge.specifier)).split(sep).join('/');
      return inside !== 'index.ts' && !exceptions.has(`${edge.to}/${inside}`);
    });
    expect(sideways.map(describeEdge)).toEqual([]);
  });

  it('keeps the walls: checks, spec and the sandboxes import nothing they judge or feed', () => {
    const breached = edges.filter((edge) => WALLS[edge.from]?.includes(edge.to));
    expect(breached.map(describeEdge)).toEqual([]);
  });

  it('keeps report renderers free of I/O, through every module they load', () => {
    const renderers = files.filter((file) => relative(SRC, file).startsWith(RENDERER_DIR + sep));
    expect(renderers.length).toBeGreaterThan(0);
    const reached = new Set<string>();
    const reach = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const specifier of loadedOf.get(file) ?? []) if (specifier.startsWith('.')) reach(resolve(dirname(file), specifier));
    };
    renderers.forEach(reach);
    const io = [...reached].flatMap((file) =>
      (loadedOf.get(file) ?? []).filter((specifier) => IO_MODULES.includes(specifier)).map((specifier) => `src/${relative(SRC, file)} imports '${specifier}'`),
    );
    expect(io).toEqual([]);
  });
});
