import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { specsLintCommand } from '../../src/cli/specs-lint.ts';
import { callCli } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

// Issue 12, bug 1: CONFORM_SEVERITY was ignored for document defects, in the run's reports and in specs lint.
const OVERRIDE = { CONFORM_SEVERITY: 'spec-schema-invalid=info' };

function captureIo(env: Record<string, string>): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', cwd: REPO_ROOT, env, stdout: (text: string) => void (io.out += text), stderr: (text: string) => void (io.err += text) };
  return io;
}

describe('CONFORM_SEVERITY applies to document defects too', () => {
  it('in specs lint', async () => {
    const io = captureIo(OVERRIDE);
    expect(await specsLintCommand(['specs/midaz/3.7.0.yaml', '--json'], io)).toBe(0);
    const [result] = JSON.parse(io.out) as Array<{ defects: Array<{ id: string; severity: string }> }>;
    expect(result!.defects.filter((d) => d.id === 'spec-schema-invalid').map((d) => d.severity)).toEqual(['info']);
    const plain = captureIo({});
    await specsLintCommand(['specs/midaz/3.7.0.yaml', '--json'], plain);
    expect((JSON.parse(plain.out) as typeof result[]).flatMap((r) => r!.defects).find((d) => d.id === 'spec-schema-invalid')!.severity).toBe('warning');
  });

  it("in a run's vendor report", async () => {
    const reports = await mkdtemp(join(tmpdir(), 'conform-severity-'));
    const run = await callCli(['run'], { CONFORM_VENDORS: 'midaz', CONFORM_REPORTS_DIR: reports, ...OVERRIDE });
    expect(run.stderr).toBe('');
    const report = JSON.parse(await readFile(join(reports, 'latest', 'midaz.json'), 'utf8')) as { specDefects: Array<{ id: string; severity: string }> };
    expect(report.specDefects.filter((d) => d.id === 'spec-schema-invalid').map((d) => d.severity)).toEqual(['info']);
  });
});
