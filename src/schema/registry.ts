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
  private readonly documents = new Map<string, object>();
  /** Document id -> whether any of its schemas types a value `integer` (worked out on first ask). */
  private readonly integerTyped = new Map<string, boolean>();
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
    this.documents.set(id, document);
    return id;
  }

  /** Replaces a registered document, e.g. after a keyword it used proved impossible to compile. */
  replace(id: string, document: object): void {
    this.ajv.removeSchema(id);
    this.compiled.delete(id);
    this.integerTyped.delete(id);
    this.ajv.addSchema(document, id);
    this.documents.set(id, document);
  }

  /**
   * Whether any schema in document `id` has `type: integer` (alone or in a list). Where none has, no
   * body can be held to an integer, so the checker need not look for fractions JSON.parse rounded away.
   */
  typesIntegers(id: string): boolean {
    let answer = this.integerTyped.get(id);
    if (answer === undefined) this.integerTyped.set(id, (answer = typesInteger(this.documents.get(id) ?? {})));
    return answer;
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

/** A walk of the whole document (iterative: no document is too deep for it); a shared object is visited once. */
function typesInteger(document: object): boolean {
  const seen = new Set<object>();
  const stack: object[] = [document];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    const type = (node as { type?: unknown }).type;
    if (type === 'integer' || (Array.isArray(type) && type.includes('integer'))) return true;
    for (const child of Object.values(node)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
  return false;
}

let shared: SchemaRegistry | undefined;

export function sharedSchemaRegistry(): SchemaRegistry {
  shared ??= new SchemaRegistry();
  return shared;
}
