import { refreshUpstreams } from '../pipeline/index.ts';
import { renderSpecDiffText } from '../report/index.ts';
import { EXIT } from '../results/index.ts';
import { readEnvironment } from '../run/index.ts';
import { VENDOR_NAME } from './audit-flags.ts';
import type { Command } from './io.ts';
import type { CommandDeclaration } from './options.ts';
import { parseCommandArgs, UsageError } from './usage-error.ts';

export const specsRefreshDeclaration = {
  command: 'specs refresh',
  usage: '[--vendor NAME]',
  options: {
    vendor: { type: 'string', value: 'NAME', description: 'refresh this vendor only (default: every vendor whose file names an upstream)' },
  },
} as const satisfies CommandDeclaration;

/**
 * Fetches each vendor's published document (its file's `upstream`), diffs it against the newest
 * checked-in version and, when they differ, writes it to specs/VENDOR/ as a new version and prints
 * the changes. Exit 0 when every upstream was compared (changed or not), 3 when one could not be
 * (unreachable, an error status, a document that cannot be used: a warning, the others still
 * refresh), 2 when there is nothing to refresh or a vendor file or checked-in document is wrong.
 * 3 is "inconclusive" as in `conform run`: the command's one question (did the document change?)
 * has no answer for that vendor, and 0 would let a scheduled job read "not compared" as "unchanged".
 */
export const specsRefreshCommand: Command = async (args, io) => {
  const { values } = parseCommandArgs(specsRefreshDeclaration, args);
  if (values.vendor !== undefined && !VENDOR_NAME.test(values.vendor)) throw new UsageError('conform specs refresh: --vendor must be a letter then lower-case letters, digits and -, at most 40');
  const outcomes = await refreshUpstreams({ cwd: io.cwd, env: readEnvironment(io.cwd, io.env), vendor: values.vendor });
  if (outcomes.length === 0) {
    io.stderr('conform specs refresh: no vendor file names an upstream (where the vendor publishes its document; see docs/adding-a-vendor.md)\n');
    return EXIT.cannotRun;
  }
  for (const outcome of outcomes) {
    if ('unreachable' in outcome) {
      io.stderr(`warning: ${outcome.vendor}: upstream ${outcome.url} not compared: ${outcome.unreachable}\n`);
      continue;
    }
    if (outcome.diff.changes.length === 0) {
      io.stdout(`${outcome.vendor}: unchanged: ${outcome.url} matches ${outcome.base}\n`);
      continue;
    }
    io.stdout(renderSpecDiffText(outcome.diff, { base: outcome.base, revision: outcome.url, vendor: outcome.vendor }));
    io.stdout(
      outcome.written === null
        ? `${outcome.vendor}: not written: the diff stopped at a bound before finding a change (spec-diff-incomplete)\n`
        : `${outcome.vendor}: wrote ${outcome.written} (add it to the vendor file's specs once reviewed)\n`,
    );
  }
  return outcomes.some((outcome) => 'unreachable' in outcome) ? EXIT.inconclusive : EXIT.pass;
};
