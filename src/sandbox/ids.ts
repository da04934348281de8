import { createHash } from 'node:crypto';

// Every id is a hash of a fixed label, never random: each start of a sandbox serves the same ids,
// so fixtures, suites and golden outputs stay stable from run to run.

const ALPHANUMERICS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function bytesFor(label: string, count: number): Buffer {
  const blocks: Buffer[] = [];
  for (let block = 0; blocks.length * 32 < count; block += 1) {
    blocks.push(createHash('sha256').update(`conform-sandbox/${label}/${block}`).digest());
  }
  return Buffer.concat(blocks).subarray(0, count);
}

export function alphanumerics(label: string, length: number): string {
  return Array.from(bytesFor(label, length), (byte) => ALPHANUMERICS.charAt(byte % ALPHANUMERICS.length)).join('');
}

export function hexDigits(label: string, length: number): string {
  return bytesFor(label, Math.ceil(length / 2)).toString('hex').slice(0, length);
}

/** Whop's id form: a type prefix, an underscore and 14 alphanumerics (ldgr_, user_, biz_, poact_, verf_). */
export function prefixedId(prefix: string, label: string): string {
  return `${prefix}_${alphanumerics(`${prefix}/${label}`, 14)}`;
}

/** A UUIDv7 (RFC 9562) as Midaz issues them: 48 bits of Unix milliseconds, version 7, variant 10xx. */
export function uuidV7(label: string, unixMillis: number): string {
  const time = unixMillis.toString(16).padStart(12, '0');
  const bits = hexDigits(`uuid/${label}`, 19);
  const variant = '89ab'.charAt(Number.parseInt(bits.charAt(18), 16) % 4);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${bits.slice(0, 3)}-${variant}${bits.slice(3, 6)}-${bits.slice(6, 18)}`;
}

/** A MongoDB ObjectId as Xendit's ids are: 4 bytes of creation seconds, then 8 more bytes; 24 hex digits. */
export function objectId(label: string, unixMillis: number): string {
  const seconds = Math.floor(unixMillis / 1000).toString(16).padStart(8, '0');
  return seconds + hexDigits(`objectid/${label}`, 16);
}

/** Labels label/0, label/1, ... for ids handed out per request (request ids), one counter per server. */
export function labelSequence(label: string): () => string {
  let next = 0;
  return () => `${label}/${next++}`;
}
