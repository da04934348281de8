import { mkdir, mkdtemp, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedRoot, FileRefusal, MAX_DOCUMENT_BYTES, readBoundedFile } from '../../src/spec/files.ts';

async function tree(): Promise<string> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'conform-files-')));
  await mkdir(join(root, 'specs', 'vendor'), { recursive: true });
  await mkdir(join(root, 'loose'));
  await writeFile(join(root, 'specs', 'vendor', '1.yaml'), 'a: 1\n');
  await writeFile(join(root, 'loose', 'doc.yaml'), 'a: 1\n');
  await writeFile(join(root, 'loose', 'beside.yaml'), 'b: 2\n');
  return root;
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'read',
    (error: unknown) => (error instanceof FileRefusal ? `${error.reason}: ${error.message}` : `threw ${String(error)}`),
  );

describe('the folder a document may read', () => {
  it("is the whole specs/ tree for a document inside the repository's specs/, else the document's own folder", async () => {
    const root = await tree();
    expect(allowedRoot(join(root, 'specs', 'vendor', '1.yaml'), root)).toBe(join(root, 'specs'));
    expect(allowedRoot(join(root, 'loose', 'doc.yaml'), root)).toBe(join(root, 'loose'));
  });
});

describe('reading a file a document refers to', () => {
  it('reads a regular document inside the root, also through a symbolic link that stays inside, and below a linked folder', async () => {
    const root = await tree();
    await symlink(join(root, 'loose', 'beside.yaml'), join(root, 'loose', 'alias.yaml'));
    await symlink(join(root, 'loose'), join(root, 'linked'));
    expect(String(await readBoundedFile(join(root, 'loose', 'beside.yaml'), join(root, 'loose')))).toBe('b: 2\n');
    expect(String(await readBoundedFile(join(root, 'loose', 'alias.yaml'), join(root, 'loose')))).toBe('b: 2\n');
    expect(String(await readBoundedFile(join(root, 'linked', 'beside.yaml'), join(root, 'linked')))).toBe('b: 2\n');
  });

  it('refuses, before opening anything, every path it may not read', async () => {
    const root = await tree();
    const loose = join(root, 'loose');
    await writeFile(join(root, 'loose', '..hidden-looking.yaml'), 'c: 3\n');
    await symlink(join(root, 'specs', 'vendor', '1.yaml'), join(loose, 'out.yaml'));
    await writeFile(join(loose, '.env'), 'TOKEN=x\n');
    await symlink(join(loose, '.env'), join(loose, 'env.yaml'));
    expect(await refusal(readBoundedFile(join(root, 'specs', 'vendor', '1.yaml'), loose))).toBe(`outside: outside ${loose}`);
    expect(await refusal(readBoundedFile(join(loose, 'out.yaml'), loose))).toBe(`outside: outside ${loose} through a symbolic link`);
    expect(await refusal(readBoundedFile(join(loose, '.env'), loose))).toBe('outside: a hidden file');
    expect(await refusal(readBoundedFile(join(loose, 'env.yaml'), loose))).toBe('outside: a hidden file through a symbolic link');
    expect(await refusal(readBoundedFile(join(loose, '..hidden-looking.yaml'), loose))).toBe('outside: a hidden file');
    expect(await refusal(readBoundedFile(join(loose, 'notes.txt'), loose))).toBe('outside: not a .yaml, .yml or .json file');
    expect(await refusal(readBoundedFile(join(loose, 'gone.yaml'), loose))).toBe('missing: file not found');
    expect(await refusal(readBoundedFile('/dev/zero'))).toBe('not-a-file: not a regular file');
  });

  it('refuses a file over the cap by its size, before reading it', async () => {
    const root = await tree();
    await writeFile(join(root, 'loose', 'big.yaml'), Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20));
    expect(await refusal(readBoundedFile(join(root, 'loose', 'big.yaml'), join(root, 'loose')))).toBe('too-large: 10.0 MB: larger than the 10.0 MB conform reads');
    await writeFile(join(root, 'loose', 'full.yaml'), Buffer.alloc(MAX_DOCUMENT_BYTES, 0x20));
    expect((await readBoundedFile(join(root, 'loose', 'full.yaml'), join(root, 'loose'))).length).toBe(MAX_DOCUMENT_BYTES);
  });
});
