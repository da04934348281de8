import { baselineFile, baselinesDirFrom, gradeWithWire, readWireBaseline, type Baseline } from '../judge/index.ts';
import { renderSpecDiffJson, renderSpecDiffMarkdown, renderSpecDiffText } from '../report/index.ts';
import { EXIT } from '../results/index.ts';
import { diffSpecs, type SpecChange } from '../spec/index.ts';
import { VENDOR_NAME } from './audit-flags.ts';
import type { Command } from './io.ts';
import { usageLine, type CommandDeclaration } from './options.ts';
import { loadDiffDocuments } from './specs-diff-documents.ts';
import { parseCommandArgs, UsageError } from './usage-error.ts';

export const specsDiffDeclaration = {
  command: 'specs diff',
  usage: 'BASE REVISION [--format text|json|md] [--fail-on breaking|warning] [--vendor NAME] [--baseline live|sandbox|none]',
  positionals: true,
  options: {
    format: { type: 'string', default: 'text', value: 'text|json|md', description: 'how to print the changes: text, JSON {"breaking", "changes"} or Markdown' },
    'fail-on': { type: 'string', default: 'breaking', value: 'breaking|warning', description: 'exit 1 when a change is at least this severe' },
    vendor: { type: 'string', value: 'NAME', description: "the vendor both documents belong to (default: their x-provenance.vendor, else their specs/VENDOR/ folder)" },
    baseline: {
      type: 'string',
      value: 'live|sandbox|none',
      description: "the vendor's baseline whose wire observations grade the changes (default: the live one when it exists; the sandbox's answers are made from documents, not the vendor)",
    },
  },
} as const satisfies CommandDeclaration;

const FORMATS = ['text', 'json', 'md'] as const;
const BASELINES = ['live', 'sandbox', 'none'] as const;
/** The severities --fail-on takes, each with those it fails on. */
const FAILING: Record<string, ReadonlyArray<SpecChange['severity']>> = { breaking: ['breaking'], warning: ['breaking', 'warning'] };

/**
 * Every difference between two versions of a vendor's document, graded for a consumer of the API.
 * Exit 1 when a change is at or above --fail-on, 0 otherwise, 2 when a document cannot be compared.
 */
export const specsDiffCommand: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(specsDiffDeclaration, args);
  const fail = (message: string): never => {
    throw new UsageError(`conform specs diff: ${message}`);
  };
  if (positionals.length !== 2) fail(`needs two documents, BASE and REVISION; ${usageLine(specsDiffDeclaration)}`);
  const format = FORMATS.find((name) => name === values.format) ?? fail(`--format must be text, json or md, got "${values.format}"`);
  // Own keys only: "constructor" is not a severity.
  const failing = Object.hasOwn(FAILING, values['fail-on']) ? FAILING[values['fail-on']]! : fail(`--fail-on must be breaking or warning, got "${values['fail-on']}"`);
  if (values.vendor !== undefined && !VENDOR_NAME.test(values.vendor)) fail('--vendor must be a letter then lower-case letters, digits and -, at most 40');
  const baselineChoice = values.baseline === undefined ? undefined : (BASELINES.find((name) => name === values.baseline) ?? fail(`--baseline must be live, sandbox or none, got "${values.baseline}"`));

  const [baseFile, revisionFile] = positionals as [string, string];
  const { base, revision, vendor } = await loadDiffDocuments(baseFile, revisionFile, io.cwd, values.vendor);
  const diff = gradeWithWire(diffSpecs(base, revision), await wireBaseline(baselineChoice, vendor, baselinesDirFrom(io.env, io.cwd), fail));
  const context = { base: base.file, revision: revision.file, vendor };
  io.stdout(format === 'json' ? renderSpecDiffJson(diff) : format === 'md' ? renderSpecDiffMarkdown(diff, context) : renderSpecDiffText(diff, context));
  return diff.changes.some((change) => failing.includes(change.severity)) ? EXIT.fail : EXIT.pass;
};

/**
 * The baseline that grades the diff: the live one when it exists, unless --baseline names one (which
 * must then exist) or none. Not the sandbox's by default: its answers come from documents (the
 * generic sandbox) or from our hands, not from what the vendor sends.
 */
async function wireBaseline(choice: (typeof BASELINES)[number] | undefined, vendor: string | null, dir: string, fail: (message: string) => never): Promise<Baseline | null> {
  if (choice === 'none') return null;
  if (vendor === null) return choice === undefined ? null : fail(`--baseline ${choice} needs the documents' vendor: give --vendor NAME`);
  const baseline = await readWireBaseline(dir, vendor, choice ?? 'live');
  if (baseline === null && choice !== undefined) fail(`--baseline ${choice}: ${vendor} has no ${choice} baseline (${baselineFile(dir, vendor, choice)}); run \`conform baseline update\`, or give --baseline none`);
  return baseline;
}
