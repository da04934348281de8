import type { Severity } from '../../findings/index.ts';
import type { ChangeLevel } from './types.ts';

/**
 * Every kind of change `conform specs diff` reports, in one place. The keys are public interface
 * (JSON output, docs/spec-diff.md): oasdiff's rule ID where oasdiff has the rule, so users can move
 * between the two tools, conform's own otherwise (`oasdiff: false`). `level` is oasdiff's grade for
 * API compatibility; `severity` is conform's for a consumer of a third-party API, with `reason` when
 * the two differ.
 */
export interface ChangeKind {
  /** Whether oasdiff has this rule; false for conform's own IDs (their `level` is INFO: oasdiff does not report them). */
  oasdiff: boolean;
  level: ChangeLevel;
  severity: Severity;
  /** Why conform grades the change otherwise than oasdiff; null when they agree. */
  reason: string | null;
  /** One line for docs: what this change is. */
  description: string;
}

/** The severity that matches oasdiff's level, where conform agrees with it. */
export const severityOf = (level: ChangeLevel): Severity => (level === 'ERR' ? 'breaking' : level === 'WARN' ? 'warning' : 'info');

const agree = (oasdiff: ChangeLevel, description: string): ChangeKind => ({
  oasdiff: true,
  level: oasdiff,
  severity: severityOf(oasdiff),
  reason: null,
  description,
});

const regrade = (level: ChangeLevel, severity: Severity, reason: string, description: string): ChangeKind => ({
  oasdiff: true,
  level,
  severity,
  reason,
  description,
});

const own = (severity: Severity, reason: string, description: string): ChangeKind => ({ oasdiff: false, level: 'INFO', severity, reason, description });

export const CHANGE_KINDS = {
  // Endpoints
  'endpoint-added': agree('INFO', 'A new operation (method and path) is documented.'),
  'endpoint-deprecated': regrade(
    'INFO',
    'warning',
    'a consumer calling a deprecated operation has to plan a migration before it is removed',
    'An operation became deprecated.',
  ),
  'api-path-removed-without-deprecation': agree('ERR', 'A path and every operation on it were removed without being deprecated first.'),
  'api-path-removed-with-deprecation': regrade(
    'INFO',
    'breaking',
    'a consumer still calling a removed path gets 404 whether or not it was deprecated first',
    'A path whose operations were all deprecated was removed.',
  ),
  'api-removed-without-deprecation': agree('ERR', 'An operation was removed (its path stays) without being deprecated first.'),
  'api-removed-with-deprecation': regrade(
    'INFO',
    'breaking',
    'a consumer still calling a removed operation fails whether or not it was deprecated first',
    'A deprecated operation was removed (its path stays).',
  ),

  // Request parameters
  'new-required-request-parameter': agree('ERR', 'The operation takes a new required parameter: requests without it are rejected.'),
  'new-optional-request-parameter': agree('INFO', 'The operation takes a new optional parameter.'),
  'request-parameter-became-optional': agree('INFO', 'A required request parameter became optional.'),
  'request-parameter-became-required': agree('ERR', 'An optional request parameter became required: requests without it are rejected.'),
  'request-parameter-removed': agree('WARN', 'A request parameter is no longer documented: the server may ignore or reject it.'),

  // Request bodies
  'request-body-became-required': agree('ERR', 'An optional request body became required: requests without one are rejected.'),
  'new-required-request-property': agree('ERR', 'A request body must carry a property it did not have before: requests without it are rejected.'),

  // Security
  'api-security-added': regrade(
    'INFO',
    'breaking',
    'a consumer without a credential of the new scheme is refused where the operation now requires it (graded info when the scheme only comes as a new alternative)',
    'An operation requires a security scheme it did not require before.',
  ),
  'api-security-removed': regrade(
    'INFO',
    'breaking',
    'a consumer whose only credential was of the removed alternative is refused (graded info when every credential accepted before still is)',
    'An operation no longer names a security scheme.',
  ),
  'api-security-scope-added': regrade(
    'INFO',
    'breaking',
    'keys or tokens issued without the new scope start getting 403 (graded info when the scope only comes as a new alternative)',
    'An operation requires a new scope of a security scheme.',
  ),
  'api-security-scope-removed': regrade(
    'INFO',
    'breaking',
    'a consumer whose token only had the scope of a removed alternative is refused (graded info when every credential accepted before still is)',
    'An operation no longer names a scope of a security scheme.',
  ),
  'api-global-security-added': agree('INFO', "The document's default security names a scheme it did not name before (the operations it affects are reported too)."),
  'api-global-security-removed': agree('INFO', "The document's default security no longer names a scheme."),
  'api-global-security-scope-added': agree('INFO', "The document's default security asks for a new scope of a scheme (the operations it affects are reported too)."),
  'api-global-security-scope-removed': agree('INFO', "The document's default security no longer asks for a scope of a scheme."),

  // Servers
  'api-server-removed': own(
    'warning',
    'oasdiff does not report servers; a consumer configured with that base URL may lose the API',
    'A server URL is no longer documented.',
  ),
  'api-server-added': own('info', 'oasdiff does not report servers', 'A new server URL is documented.'),

  // Response statuses and media types
  'response-success-status-removed': agree('ERR', 'A success (2xx) status of an operation is no longer documented.'),
  'response-success-status-added': agree('INFO', 'An operation documents a new success (2xx) status.'),
  'response-media-type-removed': agree('ERR', 'A response media type is no longer documented for a status.'),
  'response-media-type-added': agree('INFO', 'A new response media type is documented for a status.'),
  'response-media-type-name-specialized': regrade(
    'INFO',
    'breaking',
    'a consumer that dispatches on the Content-Type no longer sees the media type it handles',
    'A response media type was renamed to a more specific one of the same family (application/json to application/problem+json or application/vnd.x+json).',
  ),
  'response-media-type-name-generalized': agree(
    'ERR',
    'A response media type was renamed to the generic one of its family (application/problem+json to application/json).',
  ),

  // The response body itself (where: /)
  'response-body-type-changed': agree('ERR', 'The response body changed to an incompatible type.'),
  'response-body-type-generalized': agree('ERR', 'The response body type was widened to one that contains it (integer to number).'),
  'response-body-type-specialized': agree('INFO', 'The response body type was narrowed to one it contains (number to integer).'),
  'response-body-list-of-types-widened': agree('ERR', 'The response body may now be of more types than before.'),
  'response-body-list-of-types-narrowed': agree('INFO', 'The response body may now be of fewer types than before.'),
  'response-body-became-nullable': agree('ERR', 'The response body may now be null.'),
  'response-body-became-not-nullable': agree('INFO', 'The response body may no longer be null.'),
  'response-body-one-of-added': regrade(
    'INFO',
    'breaking',
    'a consumer that dispatches on the oneOf branches it knows has no branch for the new one',
    'The response body may match a new oneOf branch.',
  ),
  'response-body-one-of-removed': agree('INFO', 'A oneOf branch of the response body was removed.'),
  'response-body-const-changed': agree('ERR', 'The constant value of the response body changed.'),

  // Response body properties (enum values: at the body root too, as oasdiff has no body-level rule)
  'response-required-property-removed': agree('ERR', 'A required response property was removed.'),
  'response-optional-property-removed': agree(
    'WARN',
    'An optional response property was removed (breaking when the vendor in fact always sent it).',
  ),
  'response-required-property-added': agree('INFO', 'A new required response property is documented.'),
  'response-optional-property-added': agree('INFO', 'A new optional response property is documented.'),
  'response-property-became-optional': agree('ERR', 'A required response property became optional: it may be missing.'),
  'response-property-became-required': agree('INFO', 'An optional response property became required.'),
  'response-property-type-changed': agree('ERR', 'A response property changed to an incompatible type.'),
  'response-property-type-generalized': agree('ERR', 'A response property type was widened to one that contains it (integer to number).'),
  'response-property-type-specialized': agree('INFO', 'A response property type was narrowed to one it contains (number to integer).'),
  'response-property-list-of-types-widened': agree('ERR', 'A response property may now be of more types than before.'),
  'response-property-list-of-types-narrowed': agree('INFO', 'A response property may now be of fewer types than before.'),
  'response-property-became-nullable': agree('ERR', 'A response property may now be null.'),
  'response-property-became-not-nullable': agree('INFO', 'A response property may no longer be null.'),
  'response-property-enum-value-added': regrade(
    'WARN',
    'breaking',
    'generated SDK enums and strict validators reject a value they do not know',
    'A response property may take a new enum value (one change per value).',
  ),
  'response-property-enum-value-removed': agree('INFO', 'A response property no longer takes an enum value (one change per value).'),
  'response-property-one-of-added': regrade(
    'INFO',
    'breaking',
    'a consumer that dispatches on the oneOf branches it knows has no branch for the new one',
    'A response property may match a new oneOf branch.',
  ),
  'response-property-one-of-removed': agree('INFO', 'A oneOf branch of a response property was removed.'),
  'response-property-const-changed': agree('ERR', 'The constant value of a response property changed.'),

  // Components
  'api-schema-removed': agree('INFO', 'A schema was removed from components.schemas.'),

  // The diff itself
  'spec-diff-incomplete': own(
    'warning',
    'oasdiff has no such bound; conform says where it stopped rather than pass silently',
    'The documents nest schemas deeper, or repeat them more often, than the diff follows; what lies beyond was not compared.',
  ),
} as const satisfies Record<string, ChangeKind>;

export type ChangeId = keyof typeof CHANGE_KINDS;

export const CHANGE_IDS = Object.keys(CHANGE_KINDS) as ChangeId[];
