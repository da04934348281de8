import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomically, NO_SECRETS } from '../files/index.ts';
import { runAudit } from '../pipeline/index.ts';
import { comparisonHtml, comparisonMarkdown } from '../report/index.ts';
import { EXIT } from '../results/index.ts';
import { readEnvironment } from '../run/index.ts';
import { AUDIT_OPTIONS, parseAuditFlags, type AuditFlags } from './audit-flags.ts';
import type { CliIo, Command } from './io.ts';
import type { CommandDeclaration } from './options.ts';
import { readStoredAudit } from './stored-audit.ts';
import { UsageError } from './usage-error.ts';

export const auditDeclaration = {
  command: 'audit',
  usage: '--spec FILE --base-url URL [--auth SCHEME=VALUE] [--fixture NAME=VALUE]... [--header NAME=VALUE]... [--out DIR] [--allow-unsafe] [--vendor NAME] | --compare DIR DIR... [--out DIR]',
  options: AUDIT_OPTIONS,
} as const satisfies CommandDeclaration;

/**
 * `conform audit --spec FILE --base-url URL [--auth SCHEME=VALUE] [--fixture NAME=VALUE]...`: the
 * onboarding audit of a vendor, no vendor file needed. `conform audit --compare DIR DIR...` puts
 * audits side by side. Exit codes as `conform run`.
 */
export const auditCommand: Command = async (args, io) => {
  const env = readEnvironment(io.cwd, io.env);
  const flags = parseAuditFlags(args, env, { command: 'audit', cwd: io.cwd });
  if (flags.compare.length > 0) return compare(flags, io);
  if (flags.auth.length > 1) throw new UsageError(`conform audit: one --auth per audit (got ${flags.auth.length}): the cases send one credential`);
  const out = resolve(io.cwd, flags.out!);
  const given = flags.auth[0];
  const { exitCode } = await runAudit(
    {
      vendor: flags.vendor!,
      specs: flags.specs,
      baseUrl: flags.baseUrl!,
      auth: given ? { scheme: given.scheme, credential: given.credential } : null,
      fixtures: Object.fromEntries(flags.fixtures.map((f) => [f.name, f.value])),
      headers: Object.fromEntries(flags.headers.map((h) => [h.name.toLowerCase(), h.value])),
      allowUnsafe: flags.allowUnsafe,
    },
    { cwd: io.cwd, env, out, print: (line) => io.stdout(`${line}\n`) },
  );
  io.stdout(`audit: ${flags.out}/audit.{json,md,html}\n`);
  return exitCode;
};

/** The audits of each folder side by side, on the terminal, and as compare.md and compare.html under --out when given. */
async function compare(flags: AuditFlags, io: CliIo): Promise<number> {
  const audits = await Promise.all(flags.compare.map((dir) => readStoredAudit(resolve(io.cwd, dir), dir)));
  const markdown = comparisonMarkdown(audits);
  io.stdout(markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  if (flags.out !== null) {
    const out = resolve(io.cwd, flags.out!);
    await mkdir(out, { recursive: true });
    // Stored audits were redacted when written; they hold no credential to redact again.
    await writeFileAtomically(join(out, 'compare.md'), markdown, NO_SECRETS);
    await writeFileAtomically(join(out, 'compare.html'), comparisonHtml(audits), NO_SECRETS);
    io.stdout(`comparison: ${flags.out}/compare.{md,html}\n`);
  }
  return EXIT.pass;
}

