import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDefects, loadSpec, parsedDocuments, parseText, rememberParsed } from '../../src/spec/index.ts';
import { REPO_ROOT } from '../support/paths.ts';

// What lets a suite worker skip work its run did: documents handed over parsed, examples left unchecked.
describe('a document loaded once per run', () => {
  it.each(['specs/whop/1.0.0.yaml', 'specs/midaz/3.7.0.yaml'])('%s: its example defects found later complete the same defects, in the same order', async (file) => {
    const whole = await loadSpec(file, { cwd: REPO_ROOT });
    const unchecked = await loadSpec(file, { cwd: REPO_ROOT, checkExamples: false });
    expect(unchecked.defects.some((d) => d.id === 'spec-example-mismatch')).toBe(false);
    expect([...unchecked.defects, ...exampleDefects(unchecked)]).toEqual(whole.defects);
  });

  it('the Whop example mismatch is left out of a load that does not check examples', async () => {
    expect((await loadSpec('specs/whop/1.0.0.yaml', { cwd: REPO_ROOT })).defects.map((d) => d.id)).toContain('spec-example-mismatch');
    expect((await loadSpec('specs/whop/1.0.0.yaml', { cwd: REPO_ROOT, checkExamples: false })).defects).toEqual([]);
  });

  it('a text another process parsed is taken as it parsed it, not parsed again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conform-loaded-once-'));
    try {
      const text = "openapi: 3.1.0\ninfo: { title: parsed here (loaded-once test), version: '1' }\npaths: {}\n";
      await writeFile(join(dir, 'api.yaml'), text);
      rememberParsed([[text, { openapi: '3.1.0', info: { title: 'handed over', version: '1' }, paths: {} }]]);
      expect((await loadSpec('api.yaml', { cwd: dir })).title).toBe('handed over');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('what this process parsed is there to hand over, with its text', () => {
    const text = 'openapi: 3.1.0\ninfo: { title: handed on (loaded-once test) }\n';
    parseText('api.yaml', text);
    expect(parsedDocuments()).toContainEqual([text, { openapi: '3.1.0', info: { title: 'handed on (loaded-once test)' } }]);
  });
});
