import { describe, expect, it } from 'vitest';
import { checkResponse } from '../../src/checks/index.ts';
import { severityOf } from '../../src/findings/severity.ts';
import { getAtPointer } from '../../src/json/pointer.ts';
import { loadSpec } from '../../src/spec/load.ts';
import { resolve } from '../../src/spec/operations.ts';
import { REPO_ROOT } from '../support/paths.ts';

const SPECS = ['specs/whop/1.0.0.yaml', 'specs/midaz/3.7.0.yaml', 'specs/midaz/3.7.1.yaml', 'specs/xendit/2026-01-08.yaml'];

describe("the vendors' own examples", () => {
  it.each(SPECS)('%s: every example that fits its schema checks clean; the one that does not is the known defect', async (file) => {
    const spec = await loadSpec(file, { cwd: REPO_ROOT });
    const knownBad = new Set(spec.defects.filter((d) => d.id === 'spec-example-mismatch').map((d) => d.location!.pointer));
    let checked = 0;
    for (const operation of spec.operations) {
      for (const response of operation.responses) {
        for (const media of response.content) {
          const mediaObject = getAtPointer(spec.document, media.pointer) as { example?: unknown; examples?: Record<string, unknown> };
          const examples = [
            ...('example' in mediaObject ? [{ at: `${media.pointer}/example`, value: mediaObject.example }] : []),
            ...Object.entries(mediaObject.examples ?? {}).map(([name, example]) => {
              const { value, pointer } = resolve(spec.document, example, `${media.pointer}/examples/${name}`);
              return { at: `${pointer}/value`, value: (value as { value: unknown }).value };
            }),
          ];
          for (const example of examples) {
            const body = Buffer.from(JSON.stringify(example.value));
            const findings = checkResponse(spec, operation, { status: Number(response.statusKey), headers: { 'content-type': media.mediaType }, body });
            const isKnownBad = [...knownBad].some((pointer) => pointer.startsWith(example.at));
            expect(findings.some((f) => severityOf(f, {}) === 'breaking'), `${example.at}`).toBe(isKnownBad);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});
