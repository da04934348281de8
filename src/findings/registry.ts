/**
 * Every kind of finding conform can report, in one place. The keys are public interface: reports,
 * waivers and CI scripts match on them, so an ID is never renamed or reused for another meaning.
 */
export type Severity = 'breaking' | 'warning' | 'info';

/** The data a message is rendered from (a finding minus what the message itself adds). */
export interface MessageFacts {
  operation: string | null;
  status: number | null;
  pointer: string | null;
  expected: string | null;
  observed: string | null;
  location: { file: string; pointer: string } | null;
}

/**
 * What a finding is about: the response against its document, the document itself, a recorded
 * contract, the vendor against its own baseline, or money that does not add up (no schema can say it).
 */
export type FindingCategory = 'response' | 'document' | 'contract' | 'baseline' | 'semantic';

export interface FindingKind {
  category: FindingCategory;
  severity: Severity;
  /** One line for docs and `conform explain`: what this finding means. */
  description: string;
  message: (facts: MessageFacts) => string;
}

const at = (f: MessageFacts) => (f.pointer === null ? '' : ` at ${f.pointer || '/'}`);
const expectedObserved = (f: MessageFacts) =>
  [f.expected !== null ? `expected ${f.expected}` : null, f.observed !== null ? `got ${f.observed}` : null]
    .filter(Boolean)
    .join(', ');

export const FINDING_KINDS = {
  'response-status-undocumented': {
    category: 'response',
    severity: 'breaking',
    description: 'The response status is not documented for the operation (no exact, range or default response).',
    message: (f) => `status ${f.status} is not documented for ${f.operation} (documented: ${f.expected})`,
  },
  'response-media-type-undocumented': {
    category: 'response',
    severity: 'breaking',
    description: 'The response Content-Type is not among the media types documented for that status.',
    message: (f) => `Content-Type ${f.observed} is not documented for ${f.operation} ${f.status} (documented: ${f.expected})`,
  },
  'response-body-not-json': {
    category: 'response',
    severity: 'breaking',
    description: 'The body is declared or documented as JSON but does not parse (empty, truncated, invalid UTF-8).',
    message: (f) => `body of ${f.operation} ${f.status} is not valid JSON: ${f.observed}`,
  },
  'response-body-too-large': {
    category: 'response',
    severity: 'warning',
    description: 'The body was larger than the configured cap (CONFORM_MAX_BODY_BYTES); it was cut there and not checked.',
    message: (f) => `body of ${f.operation} ${f.status} is larger than ${f.expected}; it was cut and not checked`,
  },
  'response-body-duplicate-key': {
    category: 'response',
    severity: 'warning',
    description: 'An object in the body repeats a key; JSON parsers disagree on which value counts.',
    message: (f) => `key${at(f)} appears more than once in its object; conform checked the last value, ${f.observed}`,
  },
  'response-body-too-deep': {
    category: 'response',
    severity: 'warning',
    description: 'The body nests deeper than the schema validator can follow; it was not checked against its schema.',
    message: (f) => `body of ${f.operation} ${f.status} nests too deeply to check against its schema (${f.observed}); it was not checked`,
  },
  'response-findings-truncated': {
    category: 'response',
    severity: 'info',
    description:
      'The response had more findings than conform lists for one response (100); the rest are counted by ID in this one finding, which is as severe as the most severe of them.',
    message: (f) => `${f.operation} ${f.status} has more findings than listed (${f.expected}): ${f.observed}`,
  },
  'response-property-missing': {
    category: 'response',
    severity: 'breaking',
    description: 'A property the schema requires is absent from the body.',
    message: (f) => `required property${at(f)} is missing`,
  },
  'response-property-type-mismatch': {
    category: 'response',
    severity: 'breaking',
    description: 'A value has a JSON type the schema does not allow, including null where null is not allowed.',
    message: (f) => `wrong type${at(f)}: ${expectedObserved(f)}`,
  },
  'response-property-enum-mismatch': {
    category: 'response',
    severity: 'breaking',
    description: 'A value is outside the enum or const the schema documents.',
    message: (f) => `value${at(f)} is not one of the documented values: ${expectedObserved(f)}`,
  },
  'response-property-format-mismatch': {
    category: 'response',
    severity: 'warning',
    description: 'A string fails its documented format (date-time, uuid, email, ...).',
    message: (f) => `value${at(f)} does not match its format: ${expectedObserved(f)}`,
  },
  'response-body-schema-mismatch': {
    category: 'response',
    severity: 'breaking',
    description: 'The body breaks another schema keyword: oneOf/anyOf/discriminator, pattern, bounds, lengths.',
    message: (f) => `body does not match the schema${at(f)}: ${expectedObserved(f)}`,
  },
  'response-property-undocumented': {
    category: 'response',
    severity: 'info',
    description: 'The body has a property the schema does not declare (found without editing the vendor schema).',
    message: (f) => `undocumented property${at(f)}: ${f.observed}`,
  },
  'response-header-missing': {
    category: 'response',
    severity: 'warning',
    description: 'A response header the document marks as required is absent.',
    message: (f) => `required response header ${f.expected} is missing from ${f.operation} ${f.status}`,
  },
  'response-status-unexpected': {
    category: 'response',
    severity: 'breaking',
    description: 'A suite case got a status other than the one the vendor documents for it (e.g. 200 for an unknown id).',
    message: (f) => `${f.operation} answered ${f.observed} where the case expects ${f.expected}`,
  },
  'security-not-enforced': {
    category: 'response',
    severity: 'warning',
    description: 'A request without, or with invalid, credentials got 2xx on an operation whose document declares security.',
    message: (f) => `${f.operation} answered ${f.observed} to a request ${f.expected}; its document declares security`,
  },
  'response-shape-changed': {
    category: 'baseline',
    severity: 'warning',
    description:
      'The response departs from the shape recorded in the baseline: a property seen in every run is gone, a never-null property is null, a new value in a field that held a small set, a changed status or media type. A warning: the document does not forbid it, but the vendor changed.',
    message: (f) => `${f.operation} ${f.status}: shape changed from the baseline${at(f)}: ${expectedObserved(f)}`,
  },
  'contract-broken': {
    category: 'contract',
    severity: 'breaking',
    description: 'The Pact Verifier found that the vendor no longer honours a recorded contract interaction.',
    message: (f) => `contract interaction ${f.expected} is broken: ${f.observed}`,
  },
  'spec-changed-upstream': {
    category: 'document',
    severity: 'breaking',
    description:
      "The vendor's published document (its vendor file's upstream) differs from the newest checked-in version by a change that breaks a consumer; found by a run with CONFORM_REFRESH_SPECS=1 (docs/spec-diff.md).",
    message: (f) => `the vendor's published document changed${f.operation === null ? '' : ` ${f.operation}`}: ${f.observed}`,
  },
  'spec-schema-invalid': {
    category: 'document',
    severity: 'warning',
    description: 'The vendor document has a value where a schema belongs, or a schema that cannot compile; it is treated as unconstrained.',
    message: (f) => `invalid schema: ${expectedObserved(f)}; treated as unconstrained`,
  },
  'spec-ref-unresolved': {
    category: 'document',
    severity: 'warning',
    description: 'A $ref in the vendor document points nowhere; the schema behind it is treated as unconstrained.',
    message: (f) => `unresolvable $ref ${f.observed}; treated as unconstrained`,
  },
  'spec-ref-outside': {
    category: 'document',
    severity: 'warning',
    description:
      "A $ref in the vendor document points to a file it may not read: outside its own folder (the specs/ tree for a checked-in document), out through a symbolic link, a hidden file, a file that is not .yaml/.yml/.json, or a non-file URL. The file is never opened; what the $ref held is treated as unconstrained.",
    message: (f) => `$ref to a file the document may not read, not opened: ${f.observed}; treated as unconstrained`,
  },
  'spec-example-mismatch': {
    category: 'document',
    severity: 'warning',
    description: "An example in the vendor document fails the document's own schema.",
    message: (f) => `example does not match its own schema: ${expectedObserved(f)}`,
  },
  'spec-format-unknown': {
    category: 'document',
    severity: 'info',
    description: 'A schema uses a format conform does not know; that format is not checked.',
    message: (f) => `unknown format ${f.observed}; not checked`,
  },
  'spec-keyword-unsupported': {
    category: 'document',
    severity: 'warning',
    description: 'A keyword in the vendor document cannot be honoured as written (e.g. discriminator.mapping, or a pattern with lookaround or backreferences, which the linear-time regex engine cannot run); it is ignored.',
    message: (f) => `keyword cannot be honoured: ${f.observed}; ignored`,
  },
  'amount-precision-lost': {
    category: 'semantic',
    severity: 'breaking',
    description:
      'An amount the vendor sent cannot be held exactly as a JSON double (an integer beyond 2^53, a decimal with more digits than a double keeps), or its digits differ from the same amount elsewhere in the run.',
    message: (f) => `amount${at(f)} loses digits: ${expectedObserved(f)}`,
  },
  'amount-scale-exceeds-currency': {
    category: 'semantic',
    severity: 'breaking',
    description:
      'An amount has more fractional digits than its currency or asset allows (ISO 4217 minor units; an asset notation such as USD/2 or ETH/18; the scale the vendor file declares).',
    message: (f) => `amount${at(f)} has more decimals than its currency allows: ${expectedObserved(f)}`,
  },
  'amount-encoding-changed': {
    category: 'semantic',
    severity: 'warning',
    description: "An amount field switched between JSON number and decimal string, or changed its number of decimals, against the vendor's baseline.",
    message: (f) => `${f.operation} ${f.status}: amount${at(f)} is encoded differently from the baseline: ${expectedObserved(f)}`,
  },
  'balance-invariant-violated': {
    category: 'semantic',
    severity: 'breaking',
    description:
      "An arithmetic or presence rule among the amounts of one body does not hold (a vendor file's rule, or a ledger shape conform recognises); the finding names the rule and the figure that breaks it.",
    message: (f) => `figure${at(f)} breaks a money rule: ${expectedObserved(f)}`,
  },
  'cross-response-mismatch': {
    category: 'semantic',
    severity: 'breaking',
    description:
      'The same entity was answered differently within one run: by two operations (an account\'s asset code on the account and on its balances), or an id that should echo the requested path parameter does not.',
    message: (f) => `${f.operation} answered${at(f)} what another answer contradicts: ${expectedObserved(f)}`,
  },
  'timestamp-order-violated': {
    category: 'semantic',
    severity: 'warning',
    description: 'A resource was created after it was last updated (or deleted), or a live resource carries a deletion timestamp.',
    message: (f) => `timestamp${at(f)} is out of order: ${expectedObserved(f)}`,
  },
  'currency-code-unknown': {
    category: 'semantic',
    severity: 'warning',
    description: 'A currency or asset code is neither ISO 4217 nor declared in the vendor file.',
    message: (f) => `currency${at(f)} is not ISO 4217 nor declared by the vendor: ${f.observed}`,
  },
} as const satisfies Record<string, FindingKind>;

export type FindingId = keyof typeof FINDING_KINDS;

export const FINDING_IDS = Object.keys(FINDING_KINDS) as FindingId[];

export function isFindingId(value: string): value is FindingId {
  return Object.hasOwn(FINDING_KINDS, value);
}
