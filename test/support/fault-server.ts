import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readBody } from './fixtures.ts';

/**
 * A Whop-shaped server that misbehaves on purpose: GET /api/v1/ledger_accounts/ldgr_<fault> answers
 * with that fault. Every fault a vendor has been seen to send at night is one entry here.
 */
export interface FaultServer {
  url: string;
  /** Headers of every request, by fault, as received. */
  received: Map<string, IncomingMessage['headers'][]>;
  close(): Promise<void>;
}

type Fault = (response: ServerResponse, context: { socket: Socket; attempt: number; otherOrigin: string; url: string }) => void;

const account = () => readBody('whop-ledger-account.json') as Record<string, unknown>;
const json = (body: unknown) => Buffer.from(JSON.stringify(body));
const send = (response: ServerResponse, status: number, body: Buffer | string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  response.writeHead(status, headers).end(body);

export const FAULTS: Record<string, Fault> = {
  faithful: (r) => send(r, 200, json(account())),
  truncated: (r) => send(r, 200, json(account()).subarray(0, 200)),
  invalidUtf8: (r) => send(r, 200, Buffer.concat([Buffer.from('{"id": "ldgr_'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])),
  emptyJson: (r) => send(r, 200, ''),
  gzip: (r) => send(r, 200, gzipSync(json(account())), { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
  deflate: (r) => send(r, 200, deflateSync(json(account())), { 'content-type': 'application/json', 'content-encoding': 'deflate' }),
  br: (r) => send(r, 200, brotliCompressSync(json(account())), { 'content-type': 'application/json', 'content-encoding': 'br' }),
  gzipDrifted: (r) => {
    const { transfer_fee: _removed, ...rest } = account();
    send(r, 200, gzipSync(json(rest)), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
  },
  corruptGzip: (r) => send(r, 200, Buffer.from('this is not gzip at all'), { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
  textPlain: (r) => send(r, 200, json(account()), { 'content-type': 'text/plain' }),
  noContentType: (r) => send(r, 200, json(account()), {}),
  charsetParameter: (r) => send(r, 200, json(account()), { 'content-type': 'application/json; charset=utf-8; profile="x"' }),
  byteOrderMark: (r) => send(r, 200, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json(account())])),
  htmlErrorPage: (r) => send(r, 502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { 'content-type': 'text/html' }),
  problemJson: (r) => send(r, 404, json({ title: 'Not Found', status: 404 }), { 'content-type': 'application/problem+json' }),
  csv: (r) => send(r, 200, 'id,balance\nldgr_1,10\n', { 'content-type': 'text/csv' }),
  huge: (r) => send(r, 200, json({ ...account(), padding: 'x'.repeat(2 * 1024 * 1024) })),
  deeplyNested: (r) => send(r, 200, `${'['.repeat(200_000)}${']'.repeat(200_000)}`),
  duplicateKeys: (r) => send(r, 200, json(account()).toString().replace('"ledger_type":"primary"', '"ledger_type":"primary","ledger_type":"escrow"')),
  hugeNumber: (r) => send(r, 200, json(account()).toString().replace('"id":"ldgr_7hK2mQ9xR4tV1c"', '"id":12345678901234567890.12')),
  amountsAsStrings: (r) => send(r, 200, json({ ...account(), transfer_fee: '0.25' })),
  nullBody: (r) => send(r, 200, 'null'),
  arrayBody: (r) => send(r, 200, '[]'),
  listWrapper: (r) => send(r, 200, json({ items: [account()], limit: 10 })),
  wrongStatus: (r) => send(r, 404, json({ error: { type: 'not_found', message: 'Resource not found' } })),
  teapot: (r) => send(r, 418, json({ error: { type: 'teapot', message: 'short and stout' } })),
  resetMidBody: (r, { socket }) => {
    r.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
    r.write(json(account()).subarray(0, 100), () => socket.destroy());
  },
  closeBeforeHeaders: (_r, { socket }) => socket.destroy(),
  hang: () => undefined,
  stallMidBody: (r) => {
    r.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
    r.write(json(account()).subarray(0, 100));
  },
  redirectSameOrigin: (r, { url }) => send(r, 302, '', { location: url.replace('redirectSameOrigin', 'faithful') }),
  redirectOtherOrigin: (r, { otherOrigin }) => send(r, 302, '', { location: `${otherOrigin}/api/v1/ledger_accounts/ldgr_faithful` }),
  redirectLoop: (r, { url }) => send(r, 302, '', { location: url }),
  rateLimitStorm: (r) => send(r, 429, json({ error: { type: 'rate_limited', message: 'Too many requests' } }), { 'content-type': 'application/json', 'retry-after': '0' }),
  flapping503: (r, { attempt }) =>
    attempt % 2 === 1 ? send(r, 503, json({ error: { type: 'unavailable', message: 'try again' } }), { 'content-type': 'application/json', 'retry-after': '0' }) : send(r, 200, json(account())),
};

export async function startFaultServer(): Promise<FaultServer> {
  const other = await listen((request, response) => {
    record(received, 'otherOrigin', request);
    send(response, 200, json(account()));
  });
  const received = new Map<string, IncomingMessage['headers'][]>();
  const attempts = new Map<string, number>();
  const main = await listen((request, response) => {
    const fault = /\/ledger_accounts\/ldgr_([A-Za-z0-9]+)$/.exec(request.url ?? '')?.[1] ?? 'faithful';
    record(received, fault, request);
    const attempt = (attempts.get(fault) ?? 0) + 1;
    attempts.set(fault, attempt);
    const handler = FAULTS[fault] ?? FAULTS.faithful!;
    handler(response, { socket: request.socket, attempt, otherOrigin: other.url, url: `${main.url}${request.url}` });
  });
  return {
    url: main.url,
    received,
    close: async () => {
      await Promise.all([main.close(), other.close()]);
    },
  };
}

function record(into: Map<string, IncomingMessage['headers'][]>, fault: string, request: IncomingMessage): void {
  into.set(fault, [...(into.get(fault) ?? []), request.headers]);
}

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The origin of a port nothing listens on: taken from the system, then closed, so a connection is refused. */
export async function closedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
