import { pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HttpLayerError } from './errors.ts';

export interface BodyRead {
  bytes: Uint8Array;
  truncated: boolean;
  decodedFrom: string | null;
}

const decoders: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Reads a response body into memory, decoding its Content-Encoding, and stops at maxBytes: the cap
 * holds for the bytes on the wire and for the decoded bytes (a zip bomb is cut off like any other
 * oversized body). Stopping destroys the stream, which makes undici abort the request.
 */
export async function readBody(body: Readable, contentEncoding: string | undefined, maxBytes: number): Promise<BodyRead> {
  const encoding = contentEncoding?.trim().toLowerCase() || 'identity';
  if (encoding === 'identity') {
    const kept = new ByteBudget(maxBytes);
    for await (const chunk of body) if (!kept.add(chunk)) break;
    return { bytes: kept.bytes(), truncated: kept.overflowed, decodedFrom: null };
  }
  const createDecoder = decoders[encoding];
  if (createDecoder === undefined) {
    // Destroyed unread, undici's body errors with "Request aborted": nobody reads it any more.
    body.on('error', () => {}).destroy();
    throw new HttpLayerError('CONFORM_DECODING', `unsupported content-encoding: ${encoding}`);
  }
  return readDecoded(body, encoding, createDecoder(), maxBytes);
}

interface Wire {
  bytes: number;
  cut: boolean;
  failure?: unknown;
}

async function readDecoded(body: Readable, encoding: string, decoder: Transform, maxBytes: number): Promise<BodyRead> {
  const wire: Wire = { bytes: 0, cut: false };
  const decoded = pipeline(upTo(body, maxBytes, wire), decoder, () => {});
  const kept = new ByteBudget(maxBytes);
  try {
    for await (const chunk of decoded) if (!kept.add(chunk)) break;
  } catch (error) {
    if (wire.failure !== undefined) throw wire.failure;
    // Not a decoding failure: input we cut short ourselves, or a body that never came (HEAD, 204, 304).
    if (!wire.cut && wire.bytes > 0) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new HttpLayerError('CONFORM_DECODING', `${encoding} body could not be decoded: ${reason}`);
    }
  }
  return { bytes: kept.bytes(), truncated: kept.overflowed || wire.cut, decodedFrom: wire.bytes > 0 ? encoding : null };
}

/** The body's first maxBytes; records why it stopped, so a wire failure is not taken for a decoding one. */
async function* upTo(body: Readable, maxBytes: number, wire: Wire): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      const room = maxBytes - wire.bytes;
      wire.bytes += chunk.length;
      if (chunk.length > room) {
        wire.cut = true;
        if (room > 0) yield chunk.subarray(0, room);
        return;
      }
      yield chunk;
    }
  } catch (error) {
    wire.failure = error;
    throw error;
  }
}

/** Keeps chunks up to a byte limit and notes whether anything was left over. */
class ByteBudget {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  overflowed = false;

  constructor(private readonly limit: number) {}

  /** Returns false once the limit is passed: stop reading. */
  add(chunk: Buffer): boolean {
    const room = this.limit - this.size;
    if (chunk.length > room) {
      this.chunks.push(chunk.subarray(0, room));
      this.size = this.limit;
      this.overflowed = true;
      return false;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
    return true;
  }

  bytes(): Uint8Array {
    return Buffer.concat(this.chunks, this.size);
  }
}
