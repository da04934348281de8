import { request } from 'undici';

/** The answer of one token request: status, headers and body as text. */
export interface TokenAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export async function postToken(tokenUrl: string, form: string, headers: Record<string, string> = {}, method = 'POST'): Promise<TokenAnswer> {
  const response = await request(tokenUrl, { method, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: method === 'GET' ? undefined : form });
  return { status: response.statusCode, headers: response.headers, body: await response.body.text() };
}

/** `Authorization: Basic` for `id:secret`, each part sent as given (callers form-encode where they mean to). */
export function basicAuthorization(idColonSecret: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(idColonSecret, 'utf8').toString('base64')}` };
}

/** The access token the sandbox's token endpoint issues for `client_id:client_secret`, by HTTP Basic. */
export async function exchangeClientCredentials(tokenUrl: string, idColonSecret: string): Promise<string> {
  const answer = await postToken(tokenUrl, 'grant_type=client_credentials', basicAuthorization(idColonSecret));
  if (answer.status !== 200) throw new Error(`token endpoint answered ${answer.status}: ${answer.body}`);
  return (JSON.parse(answer.body) as { access_token: string }).access_token;
}
