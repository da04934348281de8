import { request } from 'undici';

/** What a sandbox answered: status, headers as received, and the JSON body. */
export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export type Json = Record<string, unknown>;

/** One real HTTP request to a sandbox; every answer a sandbox gives is JSON, errors included. */
export async function call(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  const response = await request(url, { method, headers });
  return { status: response.statusCode, headers: response.headers, body: await response.body.json() };
}
