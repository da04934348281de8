import { relative, resolve, sep } from 'node:path';
import { joinPointer } from '../json/index.ts';
import { loadSpec, type LoadedSpec } from '../spec/index.ts';
import { UsageError } from './usage-error.ts';

/** The vendor a document belongs to, and how that is known (for the message when two disagree). */
interface Ownership {
  vendor: string;
  /** Where it is written: "file#/x-provenance/vendor" or "specs/whop/". */
  source: string;
}

const fail = (message: string): never => {
  throw new UsageError(`conform specs diff: ${message}`);
};

/**
 * Loads BASE and REVISION for a diff and refuses what a diff cannot compare truthfully, one located
 * line each: documents of two vendors, and a $ref the loader left unread (a URL, which a diff never
 * fetches; a file outside the folder the document may read, or missing), since either side's hole
 * would read as a change. A document that cannot be loaded at all is the loader's SpecLoadError.
 * Returns the vendor: --vendor, else the one the documents name, else null.
 */
export async function loadDiffDocuments(baseFile: string, revisionFile: string, cwd: string, vendorFlag: string | undefined): Promise<{ base: LoadedSpec; revision: LoadedSpec; vendor: string | null }> {
  const base = await loadSpec(baseFile, { cwd, vendor: vendorFlag });
  const revision = await loadSpec(revisionFile, { cwd, vendor: vendorFlag });
  for (const spec of [base, revision]) refuseUnreadRefs(spec);

  const owners = [ownerOf(base, cwd), ownerOf(revision, cwd)];
  if (vendorFlag !== undefined) {
    for (const owner of owners) if (owner && owner.vendor !== vendorFlag) fail(`${owner.source} names vendor "${owner.vendor}", not --vendor ${vendorFlag}`);
  }
  const [baseOwner, revisionOwner] = owners;
  if (baseOwner && revisionOwner && baseOwner.vendor !== revisionOwner.vendor) {
    fail(`${revisionOwner.source} names vendor "${revisionOwner.vendor}", ${baseOwner.source} "${baseOwner.vendor}": a diff compares two versions of one vendor's document`);
  }
  // Titles are the last resort (documents outside specs/ without provenance) and may be overruled: --vendor says they are one vendor's.
  if (vendorFlag === undefined && !titlesShareAWord(base.title, revision.title)) {
    fail(`${revision.file}#/info/title: ${JSON.stringify(clip(revision.title))} shares no word with ${base.file}'s ${JSON.stringify(clip(base.title))}: not two versions of one vendor's document (give --vendor NAME if they are)`);
  }
  return { base, revision, vendor: vendorFlag ?? baseOwner?.vendor ?? revisionOwner?.vendor ?? null };
}

/**
 * x-provenance.vendor (written by `conform specs import`), else the folder of the repository's
 * specs/VENDOR/ tree the file sits in; null for a file elsewhere without provenance.
 */
function ownerOf(spec: LoadedSpec, cwd: string): Ownership | null {
  const provenance = spec.document['x-provenance'];
  const named = provenance !== null && typeof provenance === 'object' ? (provenance as Record<string, unknown>).vendor : undefined;
  if (typeof named === 'string' && named !== '') return { vendor: named, source: `${spec.file}#/x-provenance/vendor` };
  const [folder, ...rest] = relative(resolve(cwd, 'specs'), resolve(cwd, spec.file)).split(sep);
  if (folder === undefined || folder === '..' || rest.length === 0) return null;
  return { vendor: folder, source: `specs/${folder}/` };
}

/** Words of a title that could name a vendor: not "API", not a version. */
function titleWords(title: string): Set<string> {
  const words = clip(title).toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return new Set(words.filter((word) => word.length > 1 && !GENERIC_TITLE_WORDS.has(word) && !/^v?\d+$/.test(word)));
}

const GENERIC_TITLE_WORDS = new Set(['api', 'apis', 'openapi', 'rest', 'http', 'the', 'and', 'of', 'for', 'service', 'reference', 'spec', 'specification', 'public']);

/** True unless both titles have words and none in common: "Whop API" and "Whop API v2" are one vendor, "Whop API" and "Midaz Ledger API" are not. */
function titlesShareAWord(a: string, b: string): boolean {
  const first = titleWords(a);
  const second = titleWords(b);
  return first.size === 0 || second.size === 0 || [...first].some((word) => second.has(word));
}

/** Vendor text (a title, a $ref): a message quotes at most this much of it. */
function clip(title: string): string {
  return title.length > 120 ? `${title.slice(0, 120)}…` : title;
}

/**
 * A $ref the loader did not follow: reported by its lint (which drops the $ref from a schema) or
 * still in place where no schema belongs (a response or parameter $ref to a URL).
 */
function refuseUnreadRefs(spec: LoadedSpec): void {
  for (const defect of spec.defects) {
    const ref = defect.observed ?? '';
    if (defect.id === 'spec-ref-outside' || (defect.id === 'spec-ref-unresolved' && !ref.startsWith('#'))) unreadRef(spec.file, defect.location?.pointer ?? '', ref);
  }
  const stack: Array<{ node: unknown; pointer: string }> = [{ node: spec.document, pointer: '' }];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const { node, pointer } = stack.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const ref = (node as Record<string, unknown>).$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) unreadRef(spec.file, joinPointer(pointer, '$ref'), ref);
    for (const [key, value] of Object.entries(node)) if (typeof value === 'object') stack.push({ node: value, pointer: joinPointer(pointer, key) });
  }
}

/** One located line for a $ref that was not read; `ref` as written, or as the lint reports it (with why). */
function unreadRef(file: string, pointer: string, ref: string): never {
  const why = /^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^file:/i.test(ref) ? 'is a URL, never fetched during a diff' : 'was not read';
  return fail(`${file}#${pointer}: $ref ${clip(ref)} ${why}: a diff compares only what both documents hold (bundle the file next to the document)`);
}
