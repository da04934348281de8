import { SANDBOX_VENDORS, sandboxScenarios, type ScenarioDoc, type SandboxVendor } from './index.ts';

// docs/sandboxes.md holds one generated block per vendor between these markers; a test keeps each
// block equal to sandboxScenarios(), so the documented findings cannot drift from the code.

const blockStart = (vendor: SandboxVendor) => `<!-- BEGIN generated scenarios: ${vendor} -->`;
const blockEnd = (vendor: SandboxVendor) => `<!-- END generated scenarios: ${vendor} -->`;

export function scenarioMarkdown(vendor: SandboxVendor): string {
  return sandboxScenarios(vendor).map(renderScenario).join('\n');
}

/** The document with every vendor's generated block replaced by the current rendering. */
export function refreshScenarioBlocks(markdown: string): string {
  return SANDBOX_VENDORS.reduce((text, vendor) => {
    const start = text.indexOf(blockStart(vendor));
    const end = text.indexOf(blockEnd(vendor));
    if (start < 0 || end < start) throw new Error(`docs/sandboxes.md lacks the generated block markers for ${vendor}`);
    const block = `${blockStart(vendor)}\n\n${scenarioMarkdown(vendor)}\n`;
    return text.slice(0, start) + block + text.slice(end);
  }, markdown);
}

function renderScenario(scenario: ScenarioDoc): string {
  const lines = [`#### \`${scenario.name}\``, '', scenario.description, ''];
  if (scenario.expectedFindings.length === 0) return [...lines, 'Expected findings: none.', ''].join('\n');
  return [
    ...lines,
    '| case | finding | pointer |',
    '|---|---|---|',
    ...scenario.expectedFindings.map(
      (expected) => `| ${expected.case}${expected.probeOnly ? ' (probe only)' : ''} | \`${expected.id}\` | ${expected.pointer === null ? '(none)' : `\`${expected.pointer}\``} |`,
    ),
    '',
  ].join('\n');
}
