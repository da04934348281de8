import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { pointerToFragment } from '../json/index.ts';
import { date, dateTime, url, uuid } from './formats.ts';
import { linearRegExp } from './regexp.ts';

/**
 * The one place ajv is configured for OpenAPI: 2020-12 (OpenAPI 3.1's dialect; 3.0 documents are
 * normalised to it before they get here), every format ajv-formats knows, OpenAPI's discriminator,
 * all errors (a report lists every fault, not the first), `pattern` and `patternProperties` on RE2. One shared instance, because a new Ajv costs
 * 12-25 ms and compiled schemas are cached per instance; documents are registered whole under an id and
 * compiled lazily, per schema pointer, on first use.
 */
export class SchemaRegistry {
  private readonly ajv: Ajv2020;
  /** Document id -> schema pointer -> validator: two lookups of strings that already exist, no key built per call. */
  private readonly compiled = new Map<string, Map<string, ValidateFunction>>();
  private nextId = 0;

  constructor() {
    this.ajv = new Ajv2020({
      strict: false,
      allErrors: true,
      discriminator: true,
      validateSchema: false,
      logger: false,
      // Errors carry the failing value and schema: reports show them, and oneOf branches are re-checked from them.
      verbose: true,
      // Documents are registered whole, keyed by our id; any $id inside a vendor schema stays theirs.
      addUsedSchema: false,
      // Vendor patterns run on a linear-time engine: a pattern is the vendor's, the text a stranger's.
      code: { regExp: linearRegExp },
    });
    addFormats.default(this.ajv);
    // Same verdicts as ajv-formats (tested), at a fraction of the cost, and url in linear time: see formats.ts.
    this.ajv.addFormat('date-time', dateTime).addFormat('date', date).addFormat('uuid', uuid).addFormat('url', url);
  }

  /** Formats a document may use and have checked. */
  knownFormats(): ReadonlySet<string> {
    return new Set(Object.keys(this.ajv.formats));
  }

  /** Registers a whole (bundled, normalised) document; returns the id to compile pointers against. */
  register(document: object): string {
    const id = `conform:document:${this.nextId++}`;
    this.ajv.addSchema(document, id);
    return id;
  }

  /** Replaces a registered document, e.g. after a keyword it used proved impossible to compile. */
  replace(id: string, document: object): void {
    this.ajv.removeSchema(id);
    this.compiled.delete(id);
    this.ajv.addSchema(document, id);
  }

  /**
   * The validator for the schema at `pointer` (an RFC 6901 JSON pointer) of document `id`, compiled on
   * first use and cached. Throws if it cannot compile. This is on the per-response path: a cache hit
   * is one map lookup.
   */
  validator(id: string, pointer: string): ValidateFunction {
    let byPointer = this.compiled.get(id);
    if (!byPointer) this.compiled.set(id, (byPointer = new Map()));
    let validate = byPointer.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${id}${pointerToFragment(pointer)}` });
      byPointer.set(pointer, validate);
    }
    return validate;
  }
}

let shared: SchemaRegistry | undefined;

export function sharedSchemaRegistry(): SchemaRegistry {
  shared ??= new SchemaRegistry();
  return shared;
}
