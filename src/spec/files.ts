import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The most a document (or a file it refers to) may weigh: the same order as the HTTP body cap. Parsing
 * YAML costs about 60 bytes of memory per byte of text, so this keeps a load well under a gigabyte.
 */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Why a file was not read. `outside` is a document reaching beyond the folder it may read. */
export class FileRefusal extends Error {
  constructor(
    readonly reason: 'missing' | 'outside' | 'not-a-file' | 'too-large' | 'unreadable',
    problem: string,
  ) {
    super(problem);
    this.name = 'FileRefusal';
  }
}

/**
 * The folder a document's $refs may read: the repository's specs/ tree for a document inside it (so
 * one version may share files with another), else the folder the document came from.
 */
export function allowedRoot(documentPath: string, cwd: string): string {
  const specs = resolve(cwd, 'specs');
  return isInside(documentPath, specs) ? specs : dirname(documentPath);
}

/**
 * Reads a regular file of at most MAX_DOCUMENT_BYTES, and only inside `root` when one is given. The
 * checks come before any byte is read: a path outside the root (as written, or once symbolic links are
 * followed) is never opened, a device or FIFO never opened (it could block or never end), and the size
 * is checked first and again while reading (a file can grow).
 */
export async function readBoundedFile(path: string, root?: string): Promise<Buffer> {
  if (root !== undefined) refuseByPath(resolve(path), root, '');
  const real = await realpath(path).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? new FileRefusal('missing', 'file not found') : new FileRefusal('unreadable', `cannot read file (${error.code ?? 'unknown error'})`);
  });
  if (root !== undefined) refuseByPath(real, await realpath(root), ' through a symbolic link');
  const before = await stat(real);
  if (!before.isFile()) throw new FileRefusal('not-a-file', 'not a regular file');
  if (before.size > MAX_DOCUMENT_BYTES) throw new FileRefusal('too-large', tooLarge(before.size));
  const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    if (!(await handle.stat()).isFile()) throw new FileRefusal('not-a-file', 'not a regular file');
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= MAX_DOCUMENT_BYTES) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      length += bytesRead;
    }
    if (length > MAX_DOCUMENT_BYTES) throw new FileRefusal('too-large', tooLarge(length));
    return Buffer.concat(chunks, length);
  } finally {
    await handle.close();
  }
}

/**
 * Inside the root, and only documents: a hidden file (.env, .git/, .npmrc) or any other file would
 * parse as a YAML string, and a lint finding would quote it. Checked as written and as followed.
 */
function refuseByPath(path: string, root: string, how: string): void {
  if (!isInside(path, root)) throw new FileRefusal('outside', `outside ${root}${how}`);
  if (relative(root, path).split(sep).some((segment) => segment.startsWith('.'))) throw new FileRefusal('outside', `a hidden file${how}`);
  if (!DOCUMENT_EXTENSION.test(path)) throw new FileRefusal('outside', `not a .yaml, .yml or .json file${how}`);
}

const DOCUMENT_EXTENSION = /\.(ya?ml|json)$/i;

function isInside(path: string, root: string): boolean {
  const rest = relative(root, path);
  return rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest);
}

function tooLarge(bytes: number): string {
  return `${formatSize(bytes)}: larger than the ${formatSize(MAX_DOCUMENT_BYTES)} conform reads`;
}

/** "48.2 KB", "10.0 MB": how lint output and errors state a document's size. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  return `${value.toFixed(1)} ${unit}`;
}
