/**
 * The money rules the semantic checks hold a body to: declared in a vendor file (`money:`, see
 * docs/money.md) or recognised from a document's ledger shapes (recognise.ts). Plain data, so a
 * vendor's rules travel with its target to the suite workers.
 *
 * Pointers are RFC 6901 JSON pointers into the response body; in a pattern a `*` segment stands for
 * any one segment (an array index or a key). Within one rule every `*` of every pointer binds to
 * the same segments, in order: an amount pattern `/balances/STAR/balance` with the currency pattern
 * `/balances/STAR/currency` (STAR being `*`) pairs each balance with its own entry's currency.
 */

/** An expression of the rule language, parsed from text (expression.ts), never evaluated as code. */
export type Expression =
  | { kind: 'pointer'; pointer: string }
  /** A decimal literal, as written: `0`, `"5000.00"`, `-1.5`. */
  | { kind: 'decimal'; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'arithmetic'; operator: '+' | '-'; left: Expression; right: Expression }
  | { kind: 'compare'; operator: '==' | '!=' | '<' | '<=' | '>' | '>='; left: Expression; right: Expression }
  | { kind: 'not'; operand: Expression }
  | { kind: 'logical'; operator: 'and' | 'or'; left: Expression; right: Expression };

/** Where a rule comes from: a line of a vendor file, or a shape conform recognised (and why). */
export type RuleSource = { origin: 'vendor-file'; file: string; line: number } | { origin: 'recognised'; why: string };

/** Amounts at a pointer pattern, and the currency or asset that sets how many decimals they may have. */
export interface AmountRule {
  at: string;
  /** A pointer pattern to the currency code in the body, or a fixed asset (`USD`, `USD/2`, `ETH/18`). */
  currency: { pointer: string } | { asset: string };
  source: RuleSource;
}

/** An arithmetic rule: `check` must hold wherever `when` does (no `when`: always). */
export interface InvariantRule {
  /** The rule as written (`/position/available == /available - /overdraftUsed`): findings name it. */
  text: string;
  check: Expression;
  when: Expression | null;
  source: RuleSource;
}

/** A figure that must be absent (or present) wherever `when` holds. */
export interface PresenceRule {
  text: string;
  at: string;
  presence: 'absent' | 'present';
  when: Expression | null;
  source: RuleSource;
}

/** A body value that must equal the request's path parameter (the id asked for is the id answered). */
export interface EchoRule {
  parameter: string;
  at: string;
  source: RuleSource;
}

/** A creation timestamp that must not follow the last update (nor a deletion), and a deletion timestamp that must be null. */
export interface TimestampRule {
  created: string;
  updated: string | null;
  deleted: string | null;
  source: RuleSource;
}

/** The rules of one operation's success body. */
export interface OperationRules {
  amounts: AmountRule[];
  invariants: InvariantRule[];
  presence: PresenceRule[];
  echoes: EchoRule[];
  timestamps: TimestampRule[];
}

/**
 * The same entity answered by several operations of one run: every entry's `value` must be equal
 * wherever the entries' `key` values are (an account's `/assetCode` on the account, keyed by `/id`,
 * and on its balances, keyed by `/accountId`). The first entry is the reference.
 */
export interface IdentityRule {
  name: string;
  entries: Array<{ operation: string; key: string; value: string }>;
  source: RuleSource;
}

/** Which currency codes a vendor uses beyond ISO 4217, and with how many decimals. */
export interface CurrencyPolicy {
  /** Code (upper case) -> its decimals; null: any number of decimals (an arbitrary-precision asset). */
  declared: Record<string, number | null>;
  /** True when the vendor's assets are free codes (a ledger where users name assets): an unknown code is no finding and its scale is not checked. */
  anyCode: boolean;
}

/** A vendor's money rules, from its file: by operation key ("GET /path/{id}"), and across operations. */
export interface VendorMoney {
  currencies: CurrencyPolicy;
  operations: Record<string, OperationRules>;
  identities: IdentityRule[];
}

export const NO_RULES: OperationRules = Object.freeze({ amounts: [], invariants: [], presence: [], echoes: [], timestamps: [] }) as unknown as OperationRules;

export const ISO_ONLY: CurrencyPolicy = Object.freeze({ declared: {}, anyCode: false }) as CurrencyPolicy;

export const NO_MONEY: VendorMoney = Object.freeze({ currencies: ISO_ONLY, operations: {}, identities: [] }) as unknown as VendorMoney;

/**
 * What the semantic checks of one response are given beyond the response: the operation's declared
 * rules (recognised ones are added by the checks from the document), the vendor's currencies, and
 * the request's path parameters (null when there was no request, as for `conform check`).
 */
export interface SemanticInput {
  declared: OperationRules;
  currencies: CurrencyPolicy;
  params: Readonly<Record<string, string>> | null;
}

/**
 * How an amount was written, by where it sits (array indices as `*`): what a baseline keeps so a
 * later run sees an amount switch between number and decimal string, or change its decimals. No value.
 */
export interface AmountEncoding {
  pointer: string;
  encoding: 'number' | 'string';
  /** Fractional digits as written (`"1000.50"`: 2). */
  scale: number;
}

/** A ledger shape conform recognised in a document without configuration, and the rules it implies: the audit lists them. */
export interface Recognition {
  operation: string;
  kind: 'volumes' | 'amount-currency' | 'timestamps' | 'id-echo';
  /** The body pointer pattern where the shape sits. */
  at: string;
  /** Why it was recognised, in words ("properties input, output and balance"). */
  why: string;
}
