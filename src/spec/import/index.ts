import { SpecImportError } from './errors.ts';
import { scanFences } from './fences.ts';
import { mergeDocuments } from './merge.ts';
import { checkDate, checkVendor, checkVersion, vendorFromTitle } from './names.ts';
import { pageName, pageUrl } from './page-meta.ts';
import { parseOpenApiBlock, type ParsedBlock } from './parse-block.ts';
import { SERIALISED_EDIT, mergeEdits, serverEdit, withProvenance } from './provenance.ts';
import { contributionOf, serverUrls, type MergedDocument } from './rendered-pages.ts';
import { specYaml } from './serialize.ts';
import type { ImportOptions, ImportResult, ImportedSpec, Provenance, ProvenanceSource, SkippedPage, SpecPage } from './types.ts';

export { SPEC_IMPORT_ERROR_CODES, SpecImportError, type SpecImportErrorCode, type SpecImportLocation } from './errors.ts';
export type * from './types.ts';
export { specYaml } from './serialize.ts';
export { SERIALISED_EDIT, withProvenance } from './provenance.ts';

/** The pages of one vendor+version on their way to one document. */
interface Group extends MergedDocument {
  vendor: string;
  version: string;
  blocks: ParsedBlock[];
  /** Tagged with the input position, so provenance lists pages in the order they were given. */
  sources: Array<ProvenanceSource & { order: number }>;
  edits: string[];
}

// Errors and skips name a page by the path it was given (findable); provenance by file name (portable).
interface BlocklessPage {
  path: string;
  text: string;
  order: number;
  otherYamlFences: number;
}

/**
 * Turns vendor documentation pages into one OpenAPI document per vendor+version. Pure apart from the
 * default retrieval date; throws SpecImportError (stable code, location) on any defect that would make
 * the output untrustworthy, and reports pages it cannot use as `skipped`.
 */
export function importSpecPages(pages: SpecPage[], options: ImportOptions = {}): ImportResult {
  const retrievedAt = checkDate(options.retrievedAt ?? new Date().toISOString().slice(0, 10));
  const vendor = options.vendor === undefined ? undefined : checkVendor(options.vendor, 'vendor option');
  const { groups, blockless } = collectBlocks(pages, vendor);
  if (groups.length === 0) {
    const names = blockless.map((page) => page.path).join(', ');
    throw new SpecImportError('SPEC_IMPORT_NO_BLOCK', `no OpenAPI block (a fence opened with "yaml <source> <method> <path>") in any page: ${names}`);
  }
  for (const group of groups) {
    const merged = mergeDocuments(group.label, group.blocks.map(({ block, document }) => ({ page: block.page, document })));
    group.document = merged.document;
    group.edits.push(...mergeEdits(merged.contributions));
  }
  const skipped = blockless.flatMap((page) => attachRenderedPage(page, groups));
  const documents = groups.map((group) => toImportedSpec(group, retrievedAt));
  // Code-unit order, not localeCompare: the listing must not depend on the machine's locale.
  documents.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { documents, skipped };
}

function collectBlocks(pages: SpecPage[], vendorOption: string | undefined): { groups: Group[]; blockless: BlocklessPage[] } {
  const groups = new Map<string, Group>();
  const blockless: BlocklessPage[] = [];
  pages.forEach((page, order) => {
    const { blocks, otherYamlFences } = scanFences(page.path, page.text);
    if (blocks.length === 0) blockless.push({ path: page.path, text: page.text, order, otherYamlFences });
    for (const block of blocks) {
      const parsed = parseOpenApiBlock(block);
      const vendor = vendorOption ?? checkVendor(vendorFromTitle(parsed.title), `${page.path} (info.title "${parsed.title}")`);
      const version = checkVersion(parsed.version, page.path);
      const key = `${vendor}/${version}`;
      const group = groups.get(key) ?? { label: `${vendor} ${version}`, vendor, version, blocks: [], sources: [], edits: [], document: {} };
      groups.set(key, group);
      group.blocks.push(parsed);
      const operation = `${block.method} ${block.path}`;
      group.sources.push({ page: pageName(page.path), url: pageUrl(page.text), specSource: block.specSource, operation, order });
    }
  });
  return { groups: [...groups.values()], blockless };
}

/** Adds what a page without an OpenAPI block shows (server URLs) to its document, or says why it is skipped. */
function attachRenderedPage(page: BlocklessPage, groups: Group[]): SkippedPage[] {
  const contribution = contributionOf(page.text, groups);
  if ('reason' in contribution) {
    const fences = page.otherYamlFences > 0 ? `; ${page.otherYamlFences} yaml fence(s) lack the "<source> <method> <path>" info string` : '';
    return [{ page: page.path, reason: contribution.reason + fences }];
  }
  const { target, servers, operation } = contribution;
  const name = pageName(page.path);
  const listed = serverUrls(target.document);
  target.edits.push(...servers.map((server) => serverEdit(name, operation, server, listed)));
  const existing = Array.isArray(target.document.servers) ? target.document.servers : [];
  target.document.servers = [...existing, ...servers.map((url) => ({ url }))];
  target.sources.push({ page: name, url: pageUrl(page.text), specSource: null, operation, order: page.order });
  return [];
}

function toImportedSpec(group: Group, retrievedAt: string): ImportedSpec {
  const sources = [...group.sources].sort((a, b) => a.order - b.order).map(({ order: _order, ...source }) => source);
  const provenance: Provenance = {
    vendor: group.vendor,
    version: group.version,
    retrievedAt,
    handWritten: false,
    sources,
    edits: [...group.edits, SERIALISED_EDIT],
  };
  const document = withProvenance(group.document, provenance);
  const file = `${group.vendor}/${group.version}.yaml`;
  return { vendor: group.vendor, version: group.version, file, document, provenance, yaml: specYaml(document) };
}
