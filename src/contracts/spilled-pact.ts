import { mkdir, open, rm, rmdir, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ownedName } from '../files/index.ts';
import type { PactParts } from './pact-text.ts';

/** About this much of the file per read: few reads, and a bounded buffer. */
const READ_BYTES = 1 << 20;

/** Where an interaction's text is in the file, and where it goes in the pact. */
interface Stored {
  /** Its description's UTF-8 bytes: pact-core sorts by description as Rust compares strings (code points, not UTF-16 units). */
  order: Buffer;
  offset: number;
  bytes: number;
}

/**
 * One contract's interactions as its chunks come back from pact-core, kept in a file beside the contract
 * (NAME.interactions.tmp-PID-…, which the next write there removes if a killed run left it) rather than in
 * memory: 10,000 Whop interactions are about 110 MB of text. Only where each one is stays in memory; the
 * pact pact-core would have written for all of them is read back piece by piece as it is written. Each
 * chunk was redacted whole in its process (pact-handle.ts): no secret reaches this file.
 */
export class SpilledPact {
  private frame: { head: string; tail: string } | null = null;
  private readonly stored: Stored[] = [];
  private handle: Promise<FileHandle> | null = null;
  /** The first folder made for the file, if any: removed again, when empty, with the file. */
  private made: string | undefined;
  /** Once removed, a late chunk (one under way when the recording was abandoned) is not written again. */
  private removed = false;
  private readonly path: string;

  constructor(contractFile: string) {
    this.path = join(dirname(contractFile), ownedName(`${basename(contractFile)}.interactions.tmp`));
  }

  /** A chunk's interactions, after those added before (the caller adds one chunk at a time). */
  async add({ head, tail, interactions }: PactParts): Promise<void> {
    if (this.removed) throw new Error(`the contract's interactions file ${this.path} was removed`);
    if (!this.frame) this.frame = { head, tail };
    else if (head !== this.frame.head || tail !== this.frame.tail) throw new Error('pact-core wrote the chunks of one contract differently');
    this.handle ??= this.open();
    const handle = await this.handle;
    const texts = interactions.map(({ text }) => Buffer.from(text, 'utf8'));
    let offset = this.stored.length === 0 ? 0 : this.stored.at(-1)!.offset + this.stored.at(-1)!.bytes;
    interactions.forEach(({ description }, index) => {
      this.stored.push({ order: Buffer.from(description, 'utf8'), offset, bytes: texts[index]!.length });
      offset += texts[index]!.length;
    });
    // On an open handle, each writeFile goes on from where the last one ended; reads below are positional.
    await handle.writeFile(Buffer.concat(texts));
  }

  /** The one pact of every chunk's interactions, in pact-core's order, as the pieces of its text, ending in a line break. */
  async *pieces(): AsyncGenerator<string> {
    if (!this.frame || !this.handle) throw new Error('no pact to join');
    const handle = await this.handle;
    yield this.frame.head;
    // Descriptions are unique in a contract (interaction.ts): their order is the whole order.
    const ordered = [...this.stored].sort((a, b) => Buffer.compare(a.order, b.order));
    for (let first = 0; first < ordered.length; ) {
      // Interactions next to each other in the file and in the pact (chunks recorded in order) are read at once.
      let end = first + 1;
      let bytes = ordered[first]!.bytes;
      for (; end < ordered.length && ordered[end]!.offset === ordered[end - 1]!.offset + ordered[end - 1]!.bytes && bytes + ordered[end]!.bytes <= READ_BYTES; end++) bytes += ordered[end]!.bytes;
      const block = Buffer.allocUnsafe(bytes);
      const { bytesRead } = await handle.read(block, 0, bytes, ordered[first]!.offset);
      if (bytesRead !== bytes) throw new Error(`the contract's interactions file ${this.path} was cut short`);
      for (let at = 0, index = first; index < end; at += ordered[index]!.bytes, index++) {
        const text = block.toString('utf8', at, at + ordered[index]!.bytes);
        yield index === 0 ? text : `,\n${text}`;
      }
      first = end;
    }
    yield this.frame.tail.endsWith('\n') ? this.frame.tail : `${this.frame.tail}\n`;
  }

  /** Closes and removes the file, and the folders made for it that nothing else was put in; nothing to do when no chunk came. */
  async remove(): Promise<void> {
    this.removed = true;
    const handle = await this.handle?.catch(() => null);
    this.handle = null;
    // A file this did not open (another's, at the same name) is not this one's to remove.
    if (!handle) return;
    await handle.close();
    await rm(this.path, { force: true });
    // An abandoned recording leaves no contracts folder that was not there before it.
    for (let dir = dirname(this.path); this.made !== undefined; dir = dirname(dir)) {
      const removed = await rmdir(dir).then(() => true, () => false);
      if (!removed || dir === this.made) break;
    }
  }

  private async open(): Promise<FileHandle> {
    for (let attempt = 1; ; attempt++) {
      const made = await mkdir(dirname(this.path), { recursive: true });
      this.made ??= made;
      try {
        return await open(this.path, 'wx+', 0o600);
      } catch (error) {
        // Another recording that made the folder and was abandoned may have removed it between the two calls.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt === 3) throw error;
      }
    }
  }
}
