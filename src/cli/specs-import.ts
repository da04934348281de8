import path from 'node:path';
import { NO_SECRETS, writeFileAtomically } from '../files/index.ts';
import { FileRefusal, readBoundedFile } from '../spec/index.ts';
import { SpecImportError, importSpecPages } from '../spec/index.ts';
import { EXIT } from '../results/index.ts';
import type { Command } from './io.ts';
import { usageLine, type CommandDeclaration } from './options.ts';
import { UsageError, parseCommandArgs } from './usage-error.ts';

const COMMAND = 'specs import';

export const specsImportDeclaration = {
  command: COMMAND,
  usage: 'PAGE... [--vendor V] [--out DIR] [--retrieved YYYY-MM-DD]',
  positionals: true,
  options: {
    vendor: { type: 'string', value: 'V', description: 'the vendor the pages document (default: from each document\'s info.title)' },
    out: { type: 'string', default: 'specs', value: 'DIR', description: 'where the OpenAPI documents are written, one per vendor and version' },
    retrieved: { type: 'string', value: 'YYYY-MM-DD', description: 'when the pages were saved, recorded in the documents\' provenance (default: today, UTC)' },
  },
} as const satisfies CommandDeclaration;

/** `conform specs import PAGE...`: documentation pages in, one OpenAPI file per vendor+version out. */
export const specsImportCommand: Command = async (args, io) => {
  try {
    const { values, positionals } = parseCommandArgs(specsImportDeclaration, args);
    if (positionals.length === 0) throw new UsageError(`conform ${COMMAND}: no documentation page given; ${usageLine(specsImportDeclaration)}`);
    // No network at run time: a URL is refused plainly rather than read as a missing file. Not echoed: it may carry a token.
    if (positionals.some((page) => /^https?:\/\//i.test(page))) {
      throw new UsageError(`conform ${COMMAND}: a URL was given; specs import reads saved documentation pages and never fetches: save the page and pass the file`);
    }
    const pages = await Promise.all(positionals.map(async (page) => ({ path: page, text: await readPage(io.cwd, page) })));
    // Everything is imported before anything is written: a broken page leaves specs/ untouched.
    const result = importSpecPages(pages, { vendor: values.vendor, retrievedAt: values.retrieved });
    const outDir = path.resolve(io.cwd, values.out);
    for (const spec of result.documents) {
      const file = path.join(outDir, spec.file);
      await writeSpec(file, spec.yaml);
      const sources = spec.provenance.sources.map((source) => source.page).join(', ');
      io.stdout(`wrote ${path.relative(io.cwd, file)} from ${sources}\n`);
    }
    for (const skip of result.skipped) io.stdout(`skipped ${skip.page}: ${skip.reason}\n`);
    return EXIT.pass;
  } catch (error) {
    // A user's mistake is one located line; anything else is our bug and keeps its stack.
    if (error instanceof SpecImportError) io.stderr(`conform ${COMMAND}: ${error.code}: ${error.message}\n`);
    else if (error instanceof UsageError) io.stderr(`${error.message}\n`);
    else throw error;
    return EXIT.cannotRun;
  }
};

/** A page is read like a document: a regular file (a FIFO would block forever), size-capped before reading. */
async function readPage(cwd: string, page: string): Promise<string> {
  try {
    return (await readBoundedFile(path.resolve(cwd, page))).toString('utf8');
  } catch (error) {
    throw new UsageError(`conform ${COMMAND}: cannot read ${page}: ${error instanceof FileRefusal ? refusalReason(error) : fsReason(error)}`);
  }
}

/** Readers of specs/ never see a half-written file. A vendor's published document holds none of our secrets. */
async function writeSpec(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomically(file, text, NO_SECRETS);
  } catch (error) {
    throw new UsageError(`conform ${COMMAND}: cannot write ${file}: ${fsReason(error)}`);
  }
}

function refusalReason(refusal: FileRefusal): string {
  return refusal.reason === 'missing' ? 'no such file or directory' : refusal.message;
}

function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}
