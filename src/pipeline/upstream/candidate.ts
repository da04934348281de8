import { importSpecPages, parseText, SERIALISED_EDIT, specYaml, SpecImportError, SpecLoadError, withProvenance, type Provenance } from '../../spec/index.ts';
import type { VendorUpstream } from '../../vendors/index.ts';
import type { FetchedUpstream } from './fetch.ts';

/** The upstream document made into a file of specs/VENDOR/: its version, and its text with provenance. */
export interface Candidate {
  version: string;
  yaml: string;
}

/** What x-provenance says of a refreshed document, besides the importer's record: where and when, and the content hash. */
export interface UpstreamProvenance {
  url: string;
  format: VendorUpstream['format'];
  retrievedAt: string;
  sha256: string;
}

const HEADER = [
  ' Fetched by `conform specs refresh` from the vendor\'s published document; see x-provenance.',
  ' Refresh it rather than editing by hand: specs/ must show what the vendor published.',
].join('\n');

/**
 * The fetched document as a candidate version: an OpenAPI file as it is, a documentation page
 * through the same import as `conform specs import`; either way with an x-provenance record naming
 * the URL, the time and the content's SHA-256. A document that cannot be used is the reason in words.
 */
export function candidateOf(vendor: string, upstream: VendorUpstream, fetched: FetchedUpstream): Candidate | { unusable: string } {
  const record: UpstreamProvenance = { url: upstream.url, format: upstream.format, retrievedAt: fetched.retrievedAt, sha256: fetched.sha256 };
  try {
    return upstream.format === 'page' ? fromPage(vendor, fetched, record) : fromOpenApi(vendor, fetched, record);
  } catch (error) {
    // Parsing and serialising recurse once per level: a document nested beyond the stack is refused, not a crash.
    if (error instanceof RangeError) return { unusable: 'the document nests too deeply to read' };
    throw error;
  }
}

function fromPage(vendor: string, fetched: FetchedUpstream, upstream: UpstreamProvenance): Candidate | { unusable: string } {
  try {
    const page = new URL(upstream.url).pathname.split('/').pop() || 'upstream-page';
    const [spec, ...others] = importSpecPages([{ path: page, text: fetched.text }], { vendor, retrievedAt: fetched.retrievedAt.slice(0, 10) }).documents;
    if (others.length > 0) return { unusable: `the page documents ${others.length + 1} versions (${[spec, ...others].map((s) => s!.version).join(', ')}); an upstream must publish one` };
    const provenance: Provenance & { upstream: UpstreamProvenance } = { ...spec!.provenance, upstream };
    return { version: spec!.version, yaml: specYaml(withProvenance(spec!.document, provenance), HEADER) };
  } catch (error) {
    if (error instanceof SpecImportError) return { unusable: `${error.code}: ${error.message}` };
    throw error;
  }
}

function fromOpenApi(vendor: string, fetched: FetchedUpstream, upstream: UpstreamProvenance): Candidate | { unusable: string } {
  let document: unknown;
  try {
    // The loader's parser, with its bounds (depth, aliases expanded): what `specs diff` accepts, this accepts.
    document = parseText('upstream document', fetched.text);
  } catch (error) {
    if (error instanceof SpecLoadError) return { unusable: `${error.code}: ${error.problem}` };
    throw error;
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return { unusable: 'not an OpenAPI document (not an object)' };
  const info = (document as Record<string, unknown>).info;
  const version = info !== null && typeof info === 'object' ? (info as Record<string, unknown>).version : undefined;
  if (typeof version !== 'string' || version === '') return { unusable: 'not an OpenAPI document (no info.version)' };
  const provenance: Provenance & { upstream: UpstreamProvenance } = {
    vendor,
    version,
    retrievedAt: fetched.retrievedAt.slice(0, 10),
    handWritten: false,
    sources: [],
    edits: [SERIALISED_EDIT],
    upstream,
  };
  return { version, yaml: specYaml(withProvenance(document as Record<string, unknown>, provenance), HEADER) };
}
