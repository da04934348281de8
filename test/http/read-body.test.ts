import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBody } from '../../src/http/read-body.ts';

/** Whether a promise has settled once the stream events already queued have run. */
async function settledSoon(promise: Promise<unknown>): Promise<'resolved' | 'rejected' | 'pending'> {
  let state: 'resolved' | 'rejected' | 'pending' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
  return state;
}

describe('reading a plain body', () => {
  it('keeps every chunk up to the end', async () => {
    const body = Readable.from([Buffer.from('{"a":'), Buffer.from('1}')], { objectMode: false });
    const read = await readBody(body, undefined, 1024);
    expect(Buffer.from(read.bytes).toString()).toBe('{"a":1}');
    expect(read.truncated).toBe(false);
  });

  it('stops at the cap and destroys the stream', async () => {
    const body = new Readable({ read() {} });
    const reading = readBody(body, undefined, 4);
    body.push(Buffer.from('abcdef'));
    const read = await reading;
    expect(Buffer.from(read.bytes).toString()).toBe('abcd');
    expect(read.truncated).toBe(true);
    expect(body.destroyed).toBe(true);
  });

  it('fails, rather than waiting for ever, when the stream closes before its end without an error', async () => {
    const body = new Readable({ read() {} });
    const reading = readBody(body, undefined, 1024);
    reading.catch(() => {});
    body.push(Buffer.from('{"a":'));
    body.destroy();
    expect(await settledSoon(reading)).toBe('rejected');
    await expect(reading).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('fails with the stream error', async () => {
    const body = new Readable({ read() {} });
    const reading = readBody(body, undefined, 1024);
    body.destroy(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    await expect(reading).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});
