/**
 * An OpenAPI 3.1 document of about `kilobytes` KB for the audit bench: `reachable` GET operations on
 * /items{i}/{item_id} (reached by the one fixture item_id), and as many more operations on
 * /others{i}/{other_id} as make up the size (no fixture reaches them, as in a real vendor's large
 * document of which an audit exercises a few). Deterministic: the same text every time.
 */
export function auditDocument(reachable: number, kilobytes: number): string {
  const paths: Record<string, unknown> = {};
  const operation = (i: number, parameter: string) => ({
    get: {
      operationId: `get${parameter}${i}`,
      summary: `Read one resource of collection ${i}, with every field the vendor documents for it.`,
      parameters: [{ name: parameter, in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z]{3}_[a-z0-9]{8}$' }, example: 'itm_abcd1234' }],
      responses: {
        '200': { description: 'The resource.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Resource' } } } },
        '400': { $ref: '#/components/responses/Error' },
        '401': { $ref: '#/components/responses/Error' },
        '404': { $ref: '#/components/responses/Error' },
      },
    },
  });
  for (let i = 0; i < reachable; i++) paths[`/items${i}/{item_id}`] = operation(i, 'item_id');
  const document = {
    openapi: '3.1.0',
    info: { title: 'Bench Vendor API', version: '1' },
    servers: [{ url: 'https://api.bench.example/v1' }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } },
      responses: { Error: { description: 'An error.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
      schemas: {
        Resource: {
          type: 'object',
          required: ['id', 'amount', 'currency', 'created_at'],
          properties: {
            id: { type: 'string', pattern: '^[a-z]{3}_[a-z0-9]{8}$' },
            amount: { type: 'string', pattern: '^-?[0-9]+\\.[0-9]{2}$', example: '12.50' },
            currency: { type: 'string', enum: ['EUR', 'USD', 'GBP'] },
            created_at: { type: 'string', format: 'date-time' },
            metadata: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
        Error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
      },
    },
  };
  for (let i = 0; JSON.stringify(document, null, 2).length < kilobytes * 1024; i++) paths[`/others${i}/{other_id}`] = operation(i, 'other_id');
  return `${JSON.stringify(document, null, 2)}\n`;
}
