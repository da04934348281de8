import { describe, expect, it } from 'vitest';
import { renderSpecDiffJson, renderSpecDiffMarkdown, renderSpecDiffText } from '../../src/report/index.ts';
import type { SpecChange, SpecDiff } from '../../src/spec/index.ts';

const change = (fields: Partial<SpecChange>): SpecChange => ({
  id: 'response-property-enum-value-added',
  level: 'WARN',
  severity: 'breaking',
  reason: 'generated SDK enums reject a value they do not know',
  operation: 'GET /accounts/{id}',
  status: '200',
  where: '/status',
  value: 'frozen',
  ...fields,
});

// Operations interleaved and a component-level change first: the renderers must regroup them.
const diff: SpecDiff = {
  breaking: true,
  changes: [
    change({ id: 'api-schema-removed', level: 'INFO', severity: 'info', reason: null, operation: null, status: null, where: '/components/schemas/Old', value: undefined }),
    change({}),
    change({ id: 'endpoint-added', level: 'INFO', severity: 'info', reason: null, operation: 'POST /accounts', status: null, where: null, value: undefined }),
    change({ id: 'response-optional-property-removed', level: 'WARN', severity: 'warning', reason: null, where: '/nickname', value: undefined }),
  ],
};
const context = { base: 'specs/acme/1.yaml', revision: 'specs/acme/2.yaml', vendor: 'acme' };

describe('spec diff as text', () => {
  it('groups changes by operation in the order the diff lists them, component-level changes last under their own heading', () => {
    expect(renderSpecDiffText(diff, context)).toBe(
      [
        'acme: specs/acme/1.yaml -> specs/acme/2.yaml: 4 changes: 1 breaking, 1 warning, 2 info',
        '',
        'GET /accounts/{id}',
        '  breaking  response-property-enum-value-added  level WARN  status 200  where /status  value "frozen"',
        '      reason: generated SDK enums reject a value they do not know',
        '  warning   response-optional-property-removed  level WARN  status 200  where /nickname',
        '',
        'POST /accounts',
        '  info      endpoint-added  level INFO  whole endpoint',
        '',
        'component-level changes',
        '  info      api-schema-removed  level INFO  where /components/schemas/Old',
        '',
      ].join('\n'),
    );
  });

  it('says when there is nothing to report, and leaves out an unknown vendor', () => {
    expect(renderSpecDiffText({ breaking: false, changes: [] }, { ...context, vendor: null })).toBe('specs/acme/1.yaml -> specs/acme/2.yaml: 0 changes: 0 breaking, 0 warning, 0 info\nno changes\n');
  });

  it('shows control characters of vendor text as escapes, never as terminal commands or line breaks', () => {
    const hostile = change({ operation: 'GET /a\u001b[2J', where: '/x\ny', value: 'v\u001b]0;title\u0007', reason: null });
    const text = renderSpecDiffText({ breaking: true, changes: [hostile] }, context);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(text).toContain('GET /a\\u001b[2J\n');
    expect(text).toContain('where /x\\u000ay  value "v\\u001b]0;title\\u0007"\n');
  });
});

describe('spec diff as Markdown', () => {
  it('has a section per operation and one for component-level changes, a row per change', () => {
    const md = renderSpecDiffMarkdown(diff, context);
    expect(md.match(/^## .*$/gm)).toEqual(['## GET /accounts/{id}', '## POST /accounts', '## Component-level changes']);
    expect(md).toContain('| breaking | `response-property-enum-value-added` | WARN | `200` | `/status` | `frozen` | generated SDK enums reject a value they do not know |');
    expect(md).toContain('| info | `endpoint-added` | INFO | — | whole endpoint | — | — |');
    expect(md).toMatch(/^# Spec diff: acme\n\n`specs\/acme\/1\.yaml` → `specs\/acme\/2\.yaml`: 4 changes: 1 breaking, 1 warning, 2 info\. \*\*Breaking\.\*\*\n/);
  });

  it('escapes hostile names: no HTML, no table break-out, no line break', () => {
    const hostile = change({ operation: 'GET /a|<img src=x onerror=alert(1)>', where: '/p|q\n## injected', value: '`<b>`', reason: 'because <script>*x*</script> | y' });
    const md = renderSpecDiffMarkdown({ breaking: true, changes: [hostile] }, { ...context, vendor: '<i>acme</i>' });
    expect(md).toContain('## GET /a\\|\\<img src=x onerror=alert(1)\\>\n');
    const row = md.split('\n').find((line) => line.startsWith('| breaking'))!;
    // Seven cells: every "|" from the documents is escaped.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(7);
    expect(row).toContain('`/p\\|q ## injected`');
    expect(row).toContain('`` `<b>` ``');
    expect(row).toContain('because \\<script\\>\\*x\\*\\</script\\> \\| y');
    expect(md).toContain('# Spec diff: \\<i\\>acme\\</i\\>');
    expect(md.match(/^## /gm)).toHaveLength(1);
  });

  it('says when nothing changed', () => {
    expect(renderSpecDiffMarkdown({ breaking: false, changes: [] }, context)).toMatch(/Nothing breaking\.\n\nNo changes\.\n$/);
  });
});

describe('spec diff as JSON', () => {
  it('is exactly {"breaking", "changes"}, each change with its public fields', () => {
    const parsed = JSON.parse(renderSpecDiffJson({ ...diff, extra: 'not public' } as SpecDiff)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['breaking', 'changes']);
    expect(parsed).toEqual({ breaking: true, changes: diff.changes.map((c) => JSON.parse(JSON.stringify(c))) });
    expect(Object.keys((parsed.changes as object[])[1]!)).toEqual(['id', 'level', 'severity', 'reason', 'operation', 'status', 'where', 'value']);
  });
});
