import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LiveVendor } from './live-vendors.ts';

/**
 * A proxy in front of a live stand-in that forwards each request only once `hold(url)` resolves: a
 * vendor that answers late, or never (a promise that never resolves).
 */
export async function heldFront(vendor: LiveVendor, hold: (url: string) => Promise<void>): Promise<{ url: string; close(): Promise<void> }> {
  const front = createServer((request, response) => {
    void hold(request.url ?? '').then(() => {
      request.pipe(
        forward(`${vendor.url}${request.url}`, { method: request.method, headers: request.headers }, (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        }),
      );
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
    close: async () => {
      front.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
      await vendor.close();
    },
  };
}
