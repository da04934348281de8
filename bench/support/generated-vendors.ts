import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ROOT } from './root.ts';

/** The generic sandbox's apiKey that passes (src/sandbox/generic/auth.ts): a live stand-in built on it accepts it too. */
export const SANDBOX_VALID_KEY = 'conform-sandbox-valid-key';
/** Every generated document's one resource id: its parameters' example, so the generic sandbox knows it. */
export const RESOURCE_ID = 'res_abcd1234';

export interface GeneratedVendor {
  name: string;
  operations: number;
  /** The vendor file's live limits; a vendor with them runs live at ${NAME_BASE_URL} with ${NAME_API_KEY}. */
  live?: { concurrency?: number; rateLimit?: number };
}

/**
 * A working directory with conform linked in and one vendor file per vendor, each with a generated
 * document of `operations` GET operations (an apiKey, a path id, 200/401/404 answers): what a user of
 * "any vendor, no code" writes. The vendor files list no cases: each run derives them from the document.
 */
export async function generatedCheckout(vendors: readonly GeneratedVendor[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'conform-bench-vendors-'));
  for (const entry of ['src', 'suites', 'schemas', 'bin', 'node_modules', 'package.json', 'vitest.config.ts']) await symlink(join(ROOT, entry), join(root, entry));
  await mkdir(join(root, 'vendors'));
  for (const vendor of vendors) {
    await mkdir(join(root, 'specs', vendor.name), { recursive: true });
    await writeFile(join(root, 'specs', vendor.name, 'v1.yaml'), stringify(vendorDocument(vendor)));
    await writeFile(join(root, 'vendors', `${vendor.name}.yaml`), stringify(vendorFile(vendor)));
  }
  return root;
}

/** The variables that run `vendor` live against `baseUrl`. */
export function liveEnv(vendor: string, baseUrl: string): Record<string, string> {
  const prefix = vendor.toUpperCase();
  return { [`${prefix}_API_KEY`]: SANDBOX_VALID_KEY, [`${prefix}_BASE_URL`]: baseUrl };
}

function vendorFile(vendor: GeneratedVendor): object {
  const prefix = vendor.name.toUpperCase();
  return {
    name: vendor.name,
    specs: [`specs/${vendor.name}/v1.yaml`],
    live: { when: `${prefix}_API_KEY`, baseUrl: `\${${prefix}_BASE_URL}`, ...vendor.live },
    auth: { apiKey: { valid: `\${${prefix}_API_KEY}`, invalid: 'conform_invalid_key_0000' } },
    fixtures: { resource: { value: RESOURCE_ID, parameter: 'id' } },
    production: { hosts: [`api.${vendor.name}.example`] },
    nonPersonal: ['/id', '/currency'],
    variables: { [`${prefix}_API_KEY`]: 'API key; setting it runs the vendor live', [`${prefix}_BASE_URL`]: 'the API' },
  };
}

function vendorDocument(vendor: GeneratedVendor): object {
  const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  const paths: Record<string, object> = {};
  for (let i = 0; i < vendor.operations; i++) {
    paths[`/resources${i}/{id}`] = {
      get: {
        operationId: `getResource${i}`,
        security: [{ apiKey: [] }],
        parameters: [{ $ref: '#/components/parameters/Id' }],
        responses: {
          '200': { description: 'The resource.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Resource' } } } },
          '401': error('No or a wrong key.'),
          '404': error('No such resource.'),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: `${vendor.name} API`, version: 'v1' },
    servers: [{ url: `https://api.${vendor.name}.example/v1` }],
    paths,
    components: {
      parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^res_[0-9a-z]{8}$' }, example: RESOURCE_ID } },
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
      schemas: {
        Resource: {
          type: 'object',
          required: ['id', 'currency', 'amount'],
          properties: { id: { type: 'string' }, currency: { type: 'string', enum: ['EUR', 'USD'] }, amount: { type: 'integer' }, created_at: { type: 'string', format: 'date-time' } },
        },
        Error: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } },
      },
    },
  };
}
