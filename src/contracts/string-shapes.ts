/**
 * Shapes of strings a contract can pin without pinning the value: ids, RFC 3339 timestamps, enums.
 * Patterns are written for the Pact Verifier, which matches with Rust's regex crate.
 */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const UUID_PATTERN = UUID.source;

/** `id`, `ledger_id`, `accountId`, `parentID`: a property that names an identifier. */
const ID_PROPERTY = /^id$|_id$|[a-z0-9]Id$|ID$/;

/**
 * The shape of an id, from the one observed: a UUID, a prefixed id (`ldgr_…`, `biz_…`) or a fixed-length
 * hex id (24-digit MongoDB ObjectIds). Null when the property is not an id or the value has no known shape.
 */
export function idPattern(property: string, value: string): string | null {
  if (!ID_PROPERTY.test(property)) return null;
  if (UUID.test(value)) return UUID_PATTERN;
  const prefixed = /^([a-z]+)_[A-Za-z0-9]+$/.exec(value);
  if (prefixed) return `^${prefixed[1]}_[A-Za-z0-9]+$`;
  if (/^[0-9a-f]{16,}$/.test(value)) return `^[0-9a-f]{${value.length}}$`;
  return null;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The Pact datetime format for an RFC 3339 timestamp, or null when the value is not one Pact can
 * parse. Pact's `S` run accepts one to that many fraction digits and `XXX` accepts both `Z` and
 * `+07:00`, so a timestamp whose fraction length or zone changes between runs still matches.
 */
export function dateTimeFormat(value: string): string | null {
  const match = RFC3339.exec(value);
  if (!match) return null;
  return `yyyy-MM-dd'T'HH:mm:ss${match[1] ? '.SSSSSSSSS' : ''}XXX`;
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** Any of the documented values, exactly. */
export function enumPattern(values: readonly string[]): string {
  return `^(?:${values.map(escapeRegex).join('|')})$`;
}

/** "application/json; charset=utf-8" -> that media type with any parameters, in any case. */
export function mediaTypePattern(mediaType: string): string {
  return `(?i)^${escapeRegex(mediaType)}\\s*(;.*)?$`;
}

/** Rust's regex crate has no lookaround and no backreferences: such a pattern cannot go in a contract. */
export function isPortablePattern(pattern: string): boolean {
  return !/\(\?<?[=!]|\\[1-9]|\\k</.test(pattern);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
