import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFinding, type FindingFacts } from '../../src/findings/finding.ts';
import { FINDING_IDS } from '../../src/findings/registry.ts';
import { auditHtml, auditMarkdown, buildAudit, comparisonHtml, comparisonMarkdown, type AuditInput, type AuditReport } from '../../src/report/index.ts';
import { ERROR_BODY_FINDINGS, GRADE_BANDS, WEIGHTS, gradeOf } from '../../src/report/audit/scorecard.ts';
import { DIMENSIONS, weightText } from '../../src/report/audit/labels.ts';
import { REPO_ROOT } from '../support/paths.ts';
import type { Interaction, ReportedFinding } from '../../src/report/types.ts';
import type { Recognition } from '../../src/checks/index.ts';
import { shown } from './formats/sample-reports.ts';

const ONE = 'GET /accounts/{id}';
const LIST = 'GET /accounts';
const BALANCES = 'GET /accounts/{id}/balances';

function finding(facts: Omit<FindingFacts, 'vendor'>, theCase: string): ReportedFinding {
  return { ...shown(makeFinding({ vendor: 'ledgerco', ...facts })), case: theCase };
}

function interaction(theCase: string, operation: string, path: string, status: number | null, outcome: Interaction['outcome']): Interaction {
  return { method: 'GET', path, operation, case: theCase, status, durationMs: 50, outcome, reason: outcome === 'transport-error' ? 'UND_ERR_HEADERS_TIMEOUT' : null };
}

/**
 * ledgerco's audit: 5 operations (4 safe), 3 exercised; 10 cases, 9 answered (5 passed); 4 error
 * answers, 2 of them with a body finding (one behind a truncated finding); 4 credential cases, 3
 * answered, 2 as expected; 2 undocumented properties; 1 spec defect; 2 operations without an error schema.
 */
function ledgercoInput(): AuditInput {
  const interactions = [
    interaction('list accounts', LIST, '/accounts', 200, 'passed'),
    interaction('list accounts page 2', LIST, '/accounts?page=2', 200, 'passed'),
    interaction('list accounts without credentials', LIST, '/accounts', 401, 'passed'),
    interaction('by account id', ONE, '/accounts/acc_1', 200, 'failed'),
    interaction('unknown account id', ONE, '/accounts/acc_missing', 404, 'failed'),
    interaction('malformed account id', ONE, '/accounts/%20', 400, 'failed'),
    interaction('invalid credentials', ONE, '/accounts/acc_1', 200, 'failed'),
    interaction('limited key', ONE, '/accounts/acc_1', 403, 'passed'),
    interaction('balances by account id', BALANCES, '/accounts/acc_1/balances', 200, 'passed'),
    // Unavailable after the retries: a status, but not an answer to judge.
    interaction('balances with invalid credentials', BALANCES, '/accounts/acc_1/balances', 503, 'transport-error'),
  ];
  const findings = [
    finding({ id: 'response-property-undocumented', operation: LIST, status: 200, pointer: '/data/0/nickname', observed: 'string "x"' }, 'list accounts'),
    finding({ id: 'response-property-type-mismatch', operation: ONE, status: 200, pointer: '/balance', expected: 'number', observed: 'string "10.00"' }, 'by account id'),
    finding({ id: 'response-property-missing', operation: ONE, status: 404, pointer: '/error/code', expected: 'required' }, 'unknown account id'),
    finding({ id: 'response-findings-truncated', operation: ONE, status: 400, expected: '100', observed: '140 response-property-type-mismatch', covers: ['response-property-type-mismatch'] }, 'malformed account id'),
    finding({ id: 'response-status-unexpected', operation: ONE, status: 200, expected: '401', observed: '200' }, 'invalid credentials'),
    finding({ id: 'security-not-enforced', operation: ONE, status: 200, expected: 'with invalid credentials', observed: '200' }, 'invalid credentials'),
    // An undocumented property on an error answer is its own dimension, not an error-body mismatch.
    finding({ id: 'response-property-undocumented', operation: ONE, status: 403, pointer: '/error/hint', observed: 'string "scope"' }, 'limited key'),
    finding({ id: 'response-property-format-mismatch', operation: BALANCES, status: 200, pointer: '/as_of', expected: 'date-time', observed: '"yesterday"' }, 'balances by account id'),
    finding({ id: 'amount-encoding-changed', operation: BALANCES, status: 200, pointer: '/available', expected: 'decimal string, 2 decimals', observed: 'number, 0 decimals' }, 'balances by account id'),
  ];
  return {
    report: {
      vendor: 'ledgerco',
      mode: 'live',
      scenario: null,
      baseUrl: 'https://api.ledgerco.example/v1',
      spec: [
        { file: 'specs/ledgerco/2.1.0.yaml', version: '2.1.0' },
        { file: 'specs/ledgerco/2.0.0.yaml', version: '2.0.0' },
      ],
      startedAt: '2026-11-30T10:00:00.000Z',
      finishedAt: '2026-11-30T10:00:04.000Z',
      interactions,
      findings,
      counts: { breaking: 4, warning: 2, info: 2 },
      outcomes: { passed: 5, failed: 4, unverified: 0, skipped: 0, 'transport-error': 1 },
      specDefects: [
        shown(makeFinding({ id: 'spec-example-mismatch', vendor: 'ledgerco', expected: 'number', observed: '"ten"', location: { file: 'specs/ledgerco/2.1.0.yaml', pointer: '/components/schemas/Account/example/balance' } })),
      ],
      verdict: 'fail',
    },
    exitCode: 1,
    coverage: [
      { operation: LIST, state: 'exercised', reason: null, missingFixtures: [], cases: ['list accounts', 'list accounts page 2', 'list accounts without credentials'], notDerived: [] },
      { operation: ONE, state: 'exercised', reason: null, missingFixtures: [], cases: ['by account id', 'unknown account id', 'malformed account id', 'invalid credentials', 'limited key'], notDerived: [] },
      { operation: BALANCES, state: 'exercised', reason: null, missingFixtures: [], cases: ['balances by account id', 'balances with invalid credentials'], notDerived: [] },
      { operation: 'GET /transfers/{id}', state: 'not-reachable', reason: 'needs the fixture transfer_id', missingFixtures: [{ fixture: 'transfer_id', variable: null }], cases: [], notDerived: [] },
      { operation: 'POST /accounts', state: 'unsafe', reason: "POST may change the vendor's data", missingFixtures: [], cases: [], notDerived: [] },
    ],
    cases: {
      'list accounts': { credential: 'valid', expected: 200 },
      'list accounts page 2': { credential: 'valid', expected: 200 },
      'list accounts without credentials': { credential: 'none', expected: 401 },
      'by account id': { credential: 'valid', expected: 200 },
      'unknown account id': { credential: 'valid', expected: 404 },
      'malformed account id': { credential: 'valid', expected: '4XX' },
      'invalid credentials': { credential: 'invalid', expected: 401 },
      'limited key': { credential: 'limited', expected: '4XX' },
      'balances by account id': { credential: 'valid', expected: 200 },
      'balances with invalid credentials': { credential: 'invalid', expected: 401 },
    },
    operations: [
      { operation: LIST, errorSchema: true },
      { operation: ONE, errorSchema: true },
      { operation: BALANCES, errorSchema: false },
      { operation: 'GET /transfers/{id}', errorSchema: false },
      { operation: 'POST /accounts', errorSchema: true },
    ],
    // The balances' volumes are recognised; the vendor file holds the account to an identity rule.
    money: { operations: [BALANCES, ONE], recognitions: [VOLUMES] },
  };
}

const VOLUMES: Recognition = { operation: BALANCES, kind: 'volumes', at: '/volumes/*', why: 'properties input, output and balance' };

/** A small vendor with one answered case: no error answer and no credential case, so two dimensions are n/a. */
function tinyInput(vendor = 'tinypay'): AuditInput {
  return {
    report: {
      vendor,
      mode: 'live',
      scenario: null,
      baseUrl: 'https://tinypay.example',
      spec: [{ file: 'specs/tinypay/1.0.0.yaml', version: '1.0.0' }],
      startedAt: '2026-11-30T11:00:00.000Z',
      finishedAt: '2026-11-30T11:00:01.000Z',
      interactions: [interaction('list payments', 'GET /payments', '/payments', 200, 'passed')],
      findings: [],
      counts: { breaking: 0, warning: 0, info: 0 },
      outcomes: { passed: 1, failed: 0, unverified: 0, skipped: 0, 'transport-error': 0 },
      specDefects: [],
      verdict: 'pass',
    },
    exitCode: 0,
    coverage: [{ operation: 'GET /payments', state: 'exercised', reason: null, missingFixtures: [], cases: ['list payments'], notDerived: [] }],
    cases: { 'list payments': { credential: 'valid', expected: 200 } },
    operations: [{ operation: 'GET /payments', errorSchema: false }],
    money: { operations: [], recognitions: [] },
  };
}

describe('the audit scorecard', () => {
  const { scorecard } = buildAudit(ledgercoInput());

  it('scores document quality from spec defects per operation and operations without an error schema: 100 - 50 x 1/5 - 50 x 2/5', () => {
    expect(scorecard.documentQuality).toEqual({ score: 70, numerator: 1, denominator: 5, withoutErrorSchema: { numerator: 2, denominator: 5 } });
  });

  it('scores coverage over safe operations only: the unsafe POST is not counted, the unreachable GET is', () => {
    expect(scorecard.coverage).toEqual({ score: 75, numerator: 3, denominator: 4 });
  });

  it('scores conformance as passed over answered cases: a transport error is not answered', () => {
    expect(scorecard.conformance).toEqual({ score: 56, numerator: 5, denominator: 9 });
  });

  it('scores error discipline over error answers: a body finding (also behind a truncated finding) counts, an undocumented property does not', () => {
    expect(scorecard.errorDiscipline).toEqual({ score: 50, numerator: 2, denominator: 4 });
  });

  it('scores auth enforcement over answered none/invalid/limited cases, a status class meeting its expectation', () => {
    expect(scorecard.authEnforcement).toEqual({ score: 67, numerator: 2, denominator: 3 });
  });

  it('counts exactly the media-type, JSON and schema findings against an error body, and no other ID of the registry', () => {
    const counted = ['response-media-type-undocumented', 'response-body-not-json', 'response-property-missing', 'response-property-type-mismatch', 'response-property-enum-mismatch', 'response-property-format-mismatch', 'response-body-schema-mismatch'];
    for (const id of FINDING_IDS) {
      const input = ledgercoInput();
      input.report.findings[2] = finding({ id, operation: ONE, status: 404 }, 'unknown account id');
      expect([id, buildAudit(input).scorecard.errorDiscipline.numerator]).toEqual([id, counted.includes(id) ? 2 : 3]);
    }
  });

  it('counts an error answer that failed on its status alone as disciplined: its body matched', () => {
    const input = ledgercoInput();
    input.report.findings[2] = finding({ id: 'response-status-undocumented', operation: ONE, status: 404, expected: '200, 400, 401' }, 'unknown account id');
    expect(buildAudit(input).scorecard.errorDiscipline).toEqual({ score: 75, numerator: 3, denominator: 4 });
  });

  it('counts a refusal with another status than the case expects as not enforced', () => {
    const input = ledgercoInput();
    input.cases['limited key'] = { credential: 'limited', expected: 404 };
    expect(buildAudit(input).scorecard.authEnforcement).toEqual({ score: 33, numerator: 1, denominator: 3 });
  });

  it('keeps unsafe methods out of coverage even when they were allowed and derived', () => {
    const input = ledgercoInput();
    input.coverage[4] = { operation: 'POST /accounts', state: 'not-reachable', reason: 'it requires a request body, which derived cases do not send', missingFixtures: [], cases: [], notDerived: [] };
    expect(buildAudit(input).scorecard.coverage).toEqual({ score: 75, numerator: 3, denominator: 4 });
  });

  it('scores undocumented fields as properties per answered interaction, lower rate scoring higher', () => {
    expect(scorecard.undocumentedFields).toEqual({ score: 78, numerator: 2, denominator: 9 });
  });

  it('scores money integrity over the success answers of the operations a money rule reaches: one of three had a semantic finding', () => {
    // by account id and invalid credentials (200s of the account), balances by account id (its amount-encoding-changed).
    expect(scorecard.moneyIntegrity).toEqual({ score: 67, numerator: 2, denominator: 3 });
  });

  it('counts a semantic finding behind a truncated finding, and no other category', () => {
    const input = ledgercoInput();
    input.report.findings = input.report.findings.filter((f) => f.id !== 'amount-encoding-changed');
    expect(buildAudit(input).scorecard.moneyIntegrity).toEqual({ score: 100, numerator: 3, denominator: 3 });
    input.report.findings.push(finding({ id: 'response-findings-truncated', operation: ONE, status: 200, expected: '100', observed: '101 balance-invariant-violated', covers: ['balance-invariant-violated'] }, 'by account id'));
    expect(buildAudit(input).scorecard.moneyIntegrity).toEqual({ score: 67, numerator: 2, denominator: 3 });
  });

  it('shows money integrity n/a for a vendor no money rule reaches, and never weighs it', () => {
    expect(buildAudit(tinyInput()).scorecard.moneyIntegrity).toEqual({ score: null, numerator: 0, denominator: 0 });
    const input = ledgercoInput();
    input.money.operations = [];
    expect(buildAudit(input).scorecard.weightedScore).toBe(scorecard.weightedScore);
  });

  it('weighs the dimensions 30/20/15/15/10/10 into the overall score and grades it by the bands', () => {
    // (30 x 56 + 20 x 67 + 15 x 50 + 15 x 75 + 10 x 70 + 10 x 78) / 100 = 63.75
    expect(scorecard.weightedScore).toBe(64);
    expect(scorecard.grade).toBe('D');
  });

  it('draws the grade bands at 90, 80, 70 and 60, each edge in the higher grade', () => {
    expect([100, 90, 89, 80, 79, 70, 69, 60, 59, 0].map(gradeOf)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'F', 'F']);
  });

  it('leaves a dimension with no data out of the weighted mean (n/a), counting it neither as 0 nor as 100', () => {
    const tiny = buildAudit(tinyInput()).scorecard;
    expect(tiny.errorDiscipline).toEqual({ score: null, numerator: 0, denominator: 0 });
    expect(tiny.authEnforcement).toEqual({ score: null, numerator: 0, denominator: 0 });
    expect(tiny.documentQuality.score).toBe(50);
    // (30 x 100 + 15 x 100 + 10 x 50 + 10 x 100) / 65 = 92.3; as 0 it would be 60, as 100 it would be 95.
    expect(tiny.weightedScore).toBe(92);
    expect(tiny.grade).toBe('A');
  });

  it('counts at most one defect per operation against the document: more defects than operations scores 0 on that half, never below', () => {
    const input = tinyInput();
    input.report.specDefects = ['/a', '/b', '/c'].map((pointer) =>
      shown(makeFinding({ id: 'spec-ref-unresolved', vendor: 'tinypay', observed: '#/nowhere', location: { file: 'specs/tinypay/1.0.0.yaml', pointer } })),
    );
    expect(buildAudit(input).scorecard.documentQuality).toEqual({ score: 0, numerator: 3, denominator: 1, withoutErrorSchema: { numerator: 1, denominator: 1 } });
  });

  it('gives no grade to a vendor no case was answered by, whatever its document scores', () => {
    const input = tinyInput();
    input.report.interactions = [interaction('list payments', 'GET /payments', '/payments', null, 'transport-error')];
    input.exitCode = 3;
    const { scorecard: unreached } = buildAudit(input);
    expect(unreached.conformance.score).toBeNull();
    expect(unreached.undocumentedFields.score).toBeNull();
    // Coverage 100 and document quality 50 alone: (15 x 100 + 10 x 50) / 25.
    expect(unreached.weightedScore).toBe(80);
    expect(unreached.grade).toBeNull();
  });
});

describe('audit.json', () => {
  const audit = buildAudit(ledgercoInput());

  it('has exactly the documented fields, in order', () => {
    expect(Object.keys(audit)).toEqual(['vendor', 'baseUrl', 'spec', 'specs', 'startedAt', 'finishedAt', 'verdict', 'exitCode', 'findings', 'interactions', 'coverage', 'specDefects', 'recognitions', 'counts', 'scorecard']);
    expect(audit.recognitions).toEqual([VOLUMES]);
    expect(Object.keys(audit.findings[0]!)).toEqual(['id', 'severity', 'pointer', 'operation', 'status', 'fingerprint', 'expected', 'observed', 'case', 'message']);
    expect(Object.keys(audit.interactions[0]!)).toEqual(['method', 'path', 'operation', 'case', 'status', 'outcome']);
    expect(Object.keys(audit.specDefects[0]!)).toEqual(['id', 'severity', 'file', 'pointer', 'message']);
    expect(Object.keys(audit.coverage[0]!)).toEqual(['operation', 'state', 'reason', 'missingFixtures', 'cases', 'notDerived']);
    expect(Object.keys(audit.counts)).toEqual(['findings', 'specDefects', 'outcomes']);
    expect(Object.keys(audit.scorecard)).toEqual(['documentQuality', 'coverage', 'conformance', 'errorDiscipline', 'authEnforcement', 'undocumentedFields', 'moneyIntegrity', 'weightedScore', 'grade']);
  });

  it('names the first document as spec, every document in specs, and locates spec defects by file and pointer', () => {
    expect(audit.spec).toBe('specs/ledgerco/2.1.0.yaml');
    expect(audit.specs).toEqual([
      { file: 'specs/ledgerco/2.1.0.yaml', version: '2.1.0' },
      { file: 'specs/ledgerco/2.0.0.yaml', version: '2.0.0' },
    ]);
    expect(audit.specDefects[0]).toMatchObject({ id: 'spec-example-mismatch', severity: 'warning', file: 'specs/ledgerco/2.1.0.yaml', pointer: '/components/schemas/Account/example/balance' });
    expect(audit.counts.specDefects).toEqual({ breaking: 0, warning: 1, info: 0 });
    expect(audit.findings[1]).toMatchObject({ id: 'response-property-type-mismatch', operation: ONE, case: 'by account id', message: 'wrong type at /balance: expected number, got string "10.00"' });
  });

  it('round-trips through JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(audit))).toEqual(audit);
  });
});

/** ledgerco with vendor-controlled text that tries to leave its cell, its line and its markup. */
function hostileAudit(): AuditReport {
  const input = ledgercoInput();
  const hostile = 'a|b\nc <script>alert(1)</script>';
  input.report.findings[1] = finding({ id: 'response-property-type-mismatch', operation: ONE, status: 200, pointer: '/x|y', expected: 'number', observed: hostile }, 'by account id');
  input.report.specDefects[0] = shown(makeFinding({ id: 'spec-ref-unresolved', vendor: 'ledgerco', observed: hostile, location: { file: 'specs/ledgerco/2.1.0.yaml', pointer: '/paths/~1x|y' } }));
  input.coverage[3] = { ...input.coverage[3]!, operation: 'GET /transfers/{id|<script>}', reason: `needs the fixture ${hostile}`, missingFixtures: [{ fixture: hostile, variable: null }] };
  input.report.interactions[0] = { ...input.report.interactions[0]!, path: '/accounts?q=|\n<script>' };
  input.money.recognitions = [{ ...VOLUMES, at: '/x|y', why: `properties ${hostile}` }];
  return buildAudit(input);
}

/** Markdown with its code spans removed: what GitHub would read as markup. */
function outsideCodeSpans(markdown: string): string {
  return markdown.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}

describe('audit.md', () => {
  const markdown = auditMarkdown(buildAudit(ledgercoInput()));

  it('answers the onboarding question first: grade, verdict, then the scorecard with every figure', () => {
    const sections = markdown.split('\n## ').map((s) => s.split('\n')[0]);
    expect(sections).toEqual(['# ledgerco: onboarding audit', 'Scorecard', 'Breaking findings', 'Coverage', "Defects of the vendor's document", 'Money rules recognised', 'Other findings', 'Interactions']);
    expect(markdown).toContain('**Grade: D (64)** · **Verdict: ✗ fail**');
    expect(markdown).toContain('| Exit code | 1 (fail: breaking findings) |');
    const scorecard = markdown.slice(markdown.indexOf('| Dimension'), markdown.indexOf('\n\nn/a:'));
    expect(scorecard.split('\n').slice(2)).toEqual([
      '| Conformance | 56 | 5 / 9 | cases passed / cases answered | 30 |',
      '| Auth enforcement | 67 | 2 / 3 | credential cases answered with the expected status / such cases answered | 20 |',
      '| Error discipline | 50 | 2 / 4 | error answers whose body matched its schema / error answers | 15 |',
      '| Coverage | 75 | 3 / 4 | safe operations exercised / safe operations | 15 |',
      '| Document quality | 70 | 1 / 5; 2 / 5 | spec defects / operations; operations without an error schema / operations | 10 |',
      '| Undocumented fields | 78 | 2 / 9 | undocumented properties / answered interactions (lower is better) | 10 |',
      '| Money integrity | 67 | 2 / 3 | success answers a money rule reached with no semantic finding / such answers | not weighted |',
    ]);
  });

  it('lists the ledger shapes recognised, so a reader sees why a money rule applied', () => {
    expect(markdown).toContain('| `GET /accounts/{id}/balances` | volumes | `/volumes/*` | properties input, output and balance |');
    expect(auditMarkdown(buildAudit(tinyInput()))).toContain('## Money rules recognised\n\nNo ledger shape was recognised in the documents.');
  });

  it('lists only breaking findings under breaking, and the fixture an unreachable operation needs', () => {
    const breaking = markdown.slice(markdown.indexOf('## Breaking findings'), markdown.indexOf('## Coverage'));
    expect(breaking.split('\n').filter((line) => line.startsWith('| breaking'))).toHaveLength(4);
    expect(breaking).not.toContain('security-not-enforced');
    expect(markdown).toContain('| `GET /transfers/{id}` | not-reachable | needs the fixture transfer\\_id | `transfer_id` | — |');
  });

  it('writes n/a for a dimension with no data', () => {
    expect(auditMarkdown(buildAudit(tinyInput()))).toContain('| Error discipline | n/a | 0 / 0 |');
  });

  it('keeps hostile vendor text in its cell and line, and inert', () => {
    const hostile = auditMarkdown(hostileAudit());
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    for (const table of hostile.trimEnd().split('\n\n').filter((block) => block.startsWith('|'))) {
      const [header, ...rows] = table.split('\n');
      for (const row of rows) expect(cells(row)).toBe(cells(header!));
    }
    expect(outsideCodeSpans(hostile)).not.toMatch(/(?<!\\)[<>]/);
    expect(hostile).not.toMatch(/\nc <script>/);
  });
});

describe('audit.html', () => {
  it('renders the grade, verdict and scorecard before the findings', () => {
    const page = auditHtml(buildAudit(ledgercoInput()));
    expect(page).toContain('<span class="badge grade">grade: D (64)</span> <span class="badge verdict-fail">verdict: ✗ fail</span>');
    expect(page).toContain('<tr><th scope="row">Error discipline</th><td>50</td><td>2 / 4</td>');
    expect(page.indexOf('id="scorecard"')).toBeLessThan(page.indexOf('id="breaking"'));
    expect(page.indexOf('id="breaking"')).toBeLessThan(page.indexOf('id="coverage"'));
    expect(page).toContain('<tr><td><code>GET /accounts/{id}/balances</code></td><td>volumes</td><td><code>/volumes/*</code></td><td>properties input, output and balance</td></tr>');
    expect(page).toContain('<tr><th scope="row">Money integrity</th><td>67</td><td>2 / 3</td>');
  });

  it('escapes every vendor string: no markup of theirs reaches the page', () => {
    const page = auditHtml(hostileAudit());
    expect(page).not.toContain('<script>');
    expect(page).toContain('a|b\nc &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<code>GET /transfers/{id|&lt;script&gt;}</code>');
  });
});

describe('audits compared', () => {
  const audits = [buildAudit(ledgercoInput()), buildAudit(tinyInput('tiny|<script>pay'))];

  it('puts one vendor per column and one dimension, the grade, the verdict and the counts per row', () => {
    const markdown = comparisonMarkdown(audits);
    expect(markdown).toContain('|  | ledgerco | tiny\\|\\<script\\>pay |');
    expect(markdown).toContain('| Grade | D (64) | A (92) |');
    expect(markdown).toContain('| Verdict | ✗ fail | ✓ pass |');
    expect(markdown).toContain('| Error discipline | 50 (2 / 4) | n/a (0 / 0) |');
    expect(markdown).toContain('| Coverage | 75 (3 / 4) | 100 (1 / 1) |');
    expect(markdown).toContain('| Breaking findings | 4 | 0 |');
    expect(markdown).toContain('| Spec defects | 1 | 0 |');
  });

  it('renders the same rows in HTML, the vendor names escaped', () => {
    const page = comparisonHtml(audits);
    expect(page).not.toContain('<script>');
    expect(page).toContain('<th scope="col">tiny|&lt;script&gt;pay</th>');
    expect(page).toContain('<tr><th scope="row">Grade</th><td>D (64)</td><td>A (92)</td></tr>');
    expect(page).toContain('<tr><th scope="row">Undocumented fields</th><td>78 (2 / 9)</td><td>100 (0 / 1)</td></tr>');
  });
});

describe('docs/audit.md', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'audit.md'), 'utf8');

  it('states the weights, grade bands and error-body IDs the code uses', () => {
    for (const { name, label } of DIMENSIONS) expect(doc).toContain(`| ${label} | ${weightText(name)} |`);
    expect(Object.keys(WEIGHTS)).not.toContain('moneyIntegrity');
    for (const [grade, lowest] of GRADE_BANDS) expect(doc).toMatch(new RegExp(`\\| ${grade} \\| ${lowest} (or more|to ${lowest + 9}) \\|`));
    const section = doc.slice(doc.indexOf('- **Error discipline**'), doc.indexOf('Not counted:'));
    expect([...section.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]).filter((id) => id !== 'response-findings-truncated').sort()).toEqual([...ERROR_BODY_FINDINGS].sort());
  });
});
