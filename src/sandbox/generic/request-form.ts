import type { IncomingMessage } from 'node:http';
import type { TokenForm } from './token-endpoint.ts';

/**
 * The request body as text, read up to `limit` bytes: 'too-large' as soon as it passes the limit, without
 * reading on. Rejects when the client goes away mid-body.
 */
export function readForm(incoming: IncomingMessage, limit: number): Promise<TokenForm> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      incoming.off('data', onData);
      incoming.pause();
      resolve('too-large');
    };
    incoming.on('data', onData);
    incoming.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.once('error', reject);
    incoming.once('close', () => reject(new Error('the client went away mid-body'))); // after 'end': no effect
  });
}
