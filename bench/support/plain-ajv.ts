import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { ROOT } from './root.ts';

export interface PlainResponse {
  status: number;
  body: Uint8Array;
}

/**
 * The response validator a team writes for itself instead of adopting conform: the vendor's document
 * read with a YAML parser, ajv 2020 with ajv-formats (every format, full mode), and each documented
 * JSON response of one operation compiled once. Per response: the status looked up, the body decoded,
 * JSON.parse, validate. Nothing more (no undocumented properties, duplicate keys, lost fractions, money,
 * headers): the floor conform's own checks are measured against.
 */
export function plainAjvValidator(documentFile: string, method: string, path: string): (response: PlainResponse) => boolean {
  const document = parse(readFileSync(join(ROOT, documentFile), 'utf8'));
  // strict: false, as a team learns on the first OpenAPI keyword ajv does not know (example, discriminator, x-*).
  const ajv = new Ajv2020({ strict: false });
  addFormats.default(ajv);
  ajv.addSchema(document, 'document');
  const validators = new Map<number, ValidateFunction>();
  for (const [status, answer] of Object.entries<{ content?: Record<string, unknown> }>(document.paths[path][method].responses)) {
    if (!answer.content?.['application/json']) continue;
    const pointer = ['paths', path, method, 'responses', status, 'content', 'application/json', 'schema'].map(fragmentSegment).join('/');
    validators.set(Number(status), ajv.compile({ $ref: `document#/${pointer}` }));
  }
  const decoder = new TextDecoder();
  return ({ status, body }) => {
    const validate = validators.get(status);
    return validate !== undefined && validate(JSON.parse(decoder.decode(body)));
  };
}

/** One JSON pointer segment (RFC 6901) as a URI fragment segment, which is how ajv reads a $ref. */
function fragmentSegment(segment: string): string {
  return encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'));
}
