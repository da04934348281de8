import type { ErrorStyle, Reply } from './server.ts';

/** Finding IDs the conformance checker emits, as plain strings: the sandbox never imports the checker. */
export type ExpectedFindingId =
  | 'response-status-undocumented'
  | 'response-status-unexpected'
  | 'response-media-type-undocumented'
  | 'response-body-not-json'
  | 'response-body-schema-mismatch'
  | 'response-property-missing'
  | 'response-property-undocumented'
  | 'response-property-type-mismatch'
  | 'response-property-enum-mismatch'
  | 'response-property-format-mismatch'
  | 'response-header-missing'
  | 'amount-precision-lost'
  | 'amount-scale-exceeds-currency'
  | 'balance-invariant-violated'
  | 'cross-response-mismatch'
  | 'timestamp-order-violated'
  | 'currency-code-unknown';

export interface ExpectedFinding {
  case: string;
  id: ExpectedFindingId;
  /** RFC 6901 pointer into the response body; null when the finding is not about the body. */
  pointer: string | null;
  /**
   * The sandbox answers a probe of this case so, but the vendor file runs no such case: `conform run`
   * never reports it, and the documentation says so.
   */
  probeOnly?: true;
}

export interface ScenarioDoc {
  name: string;
  description: string;
  expectedFindings: Array<{ case: string; id: string; pointer: string | null; probeOnly?: true }>;
}

/** A scenario: its documentation plus the drift a vendor's routes apply. */
export interface Scenario<Drift> extends ScenarioDoc {
  expectedFindings: ExpectedFinding[];
  drift: Drift;
}

/** Drift every vendor supports: how errors are rendered, and what an unknown id is answered with. */
export interface ErrorDrift {
  errorStyle?: ErrorStyle;
  /** Receives the documented not-found answer and returns the one to send instead. */
  unknownId?: (documented: Reply) => Reply;
}

export function finding(testCase: string, id: ExpectedFindingId, pointer: string | null = null): ExpectedFinding {
  return { case: testCase, id, pointer };
}

/** A finding the sandbox plants for a case no vendor file runs (see ExpectedFinding.probeOnly). */
export function probeOnly(expected: ExpectedFinding): ExpectedFinding {
  return { ...expected, probeOnly: true };
}

export function selectScenario<Drift>(vendor: string, scenarios: readonly Scenario<Drift>[], name: string): Scenario<Drift> {
  const scenario = scenarios.find((candidate) => candidate.name === name);
  if (!scenario) {
    const valid = scenarios.map((candidate) => candidate.name).join(', ');
    throw new Error(`Unknown ${vendor} sandbox scenario '${name}'; valid scenarios: ${valid}`);
  }
  return scenario;
}

export function scenarioDoc(scenario: ScenarioDoc): ScenarioDoc {
  return {
    name: scenario.name,
    description: scenario.description,
    expectedFindings: scenario.expectedFindings.map((expected) => ({ ...expected })),
  };
}

/**
 * The three error-body drifts, the same for every vendor. `documentedErrorCases` are answered with a
 * documented error status; `probedUndocumentedStatusCases` (cases only a probe sends) with a status the document lacks, which is a
 * finding in itself and leaves nothing to compare the body with, except that a body labelled JSON
 * must parse as JSON.
 */
export function errorBodyScenarios(documentedErrorCases: readonly string[], probedUndocumentedStatusCases: readonly string[] = []): Scenario<ErrorDrift>[] {
  const undocumentedStatus = probedUndocumentedStatusCases.map((testCase) => probeOnly(finding(testCase, 'response-status-undocumented')));
  const mediaTypeFindings = [...documentedErrorCases.map((testCase) => finding(testCase, 'response-media-type-undocumented')), ...undocumentedStatus];
  return [
    {
      name: 'error-body-html',
      description:
        'Every error is answered with an HTML error page served as text/html (a gateway or framework default page) instead of the documented JSON body; statuses are unchanged.',
      expectedFindings: mediaTypeFindings,
      drift: { errorStyle: 'html' },
    },
    {
      name: 'error-body-text',
      description:
        'Every error is answered with a plain status line served as text/plain instead of the documented JSON body; statuses are unchanged.',
      expectedFindings: mediaTypeFindings,
      drift: { errorStyle: 'text' },
    },
    {
      name: 'error-body-mislabelled',
      description:
        'Every error is answered with an HTML error page still labelled application/json; charset=utf-8, so the body does not parse as JSON; statuses are unchanged.',
      expectedFindings: [
        ...documentedErrorCases.map((testCase) => finding(testCase, 'response-body-not-json')),
        ...probedUndocumentedStatusCases.flatMap((testCase) => [finding(testCase, 'response-status-undocumented'), finding(testCase, 'response-body-not-json')].map(probeOnly)),
      ],
      drift: { errorStyle: 'html-labelled-json' },
    },
  ];
}
