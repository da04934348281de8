import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { refreshScenarioBlocks } from '../../src/sandbox/docs.ts';
import { SANDBOX_VENDORS, sandboxScenarios } from '../../src/sandbox/index.ts';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = join(REPOSITORY, 'docs/sandboxes.md');

function vendorBlock(markdown: string, vendor: string): string {
  const start = markdown.indexOf(`<!-- BEGIN generated scenarios: ${vendor} -->`);
  const end = markdown.indexOf(`<!-- END generated scenarios: ${vendor} -->`);
  return start >= 0 && end > start ? markdown.slice(start, end) : '';
}

describe('docs/sandboxes.md', () => {
  it('shows every scenario and its expected findings exactly as sandboxScenarios() has them', () => {
    const markdown = readFileSync(DOCS, 'utf8');
    const refreshed = refreshScenarioBlocks(markdown);
    // UPDATE_SANDBOX_DOCS=1 rewrites the generated blocks instead of failing.
    if (process.env.UPDATE_SANDBOX_DOCS) writeFileSync(DOCS, refreshed);
    else expect(markdown).toBe(refreshed);
  });

  it.each(SANDBOX_VENDORS)('lists every %s scenario under its vendor', (vendor) => {
    const block = vendorBlock(readFileSync(DOCS, 'utf8'), vendor);
    for (const scenario of sandboxScenarios(vendor)) expect(block).toContain(`#### \`${scenario.name}\``);
  });
});

describe('the wall between sandboxes and the checker', () => {
  it('no sandbox file imports the spec, schema, checks or run layers', () => {
    const sandboxDir = join(REPOSITORY, 'src/sandbox');
    const files = readdirSync(sandboxDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const imports = [...readFileSync(join(sandboxDir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      for (const source of imports) expect(`${file}: ${source}`).not.toMatch(/\/(spec|schema|checks|run|findings)\//);
    }
  });
});
