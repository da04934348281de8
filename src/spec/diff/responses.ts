import { getAtPointer } from '../../json/index.ts';
import type { MediaTypeEntry, Operation, ResponseEntry } from '../types.ts';
import { renameKind } from './media-types.ts';
import { diffBody, type BodyDiffContext } from './schema-diff.ts';

const isSuccess = (statusKey: string) => /^2(\d\d|XX)$/i.test(statusKey);

/**
 * The status of `responses` that documents `status`: the same key, else a specific status's range
 * (200 -> 2XX), else for a range the first specific status in it (2XX -> 200). A status and its range
 * are one documented answer, so rewriting one as the other is neither a removal nor an addition.
 */
function counterpart(status: string, responses: Map<string, ResponseEntry>): ResponseEntry | undefined {
  const same = responses.get(status);
  if (same) return same;
  const keys = [...responses.keys()];
  if (/^\d\d\d$/.test(status)) return responses.get(keys.find((key) => key.toUpperCase() === `${status[0]}XX`) ?? '');
  if (/^\dXX$/i.test(status)) return responses.get(keys.find((key) => /^\d\d\d$/.test(key) && key[0] === status[0]) ?? '');
  return undefined;
}

/** Success statuses added and removed; for the statuses both document, media types and body schemas. */
export function diffResponses(context: BodyDiffContext, base: Operation, revision: Operation): void {
  const operation = revision.key;
  const after = new Map(revision.responses.map((response) => [response.statusKey, response]));
  const before = new Map(base.responses.map((response) => [response.statusKey, response]));
  for (const [status, response] of before) {
    const next = counterpart(status, after);
    if (next) diffContent(context, operation, response, next);
    else if (isSuccess(status)) context.changes.add('response-success-status-removed', { operation, status, where: `/responses/${status}` });
  }
  for (const status of after.keys()) {
    if (!counterpart(status, before) && isSuccess(status)) context.changes.add('response-success-status-added', { operation, status, where: `/responses/${status}` });
  }
}

function diffContent(context: BodyDiffContext, operation: string, base: ResponseEntry, revision: ResponseEntry): void {
  const status = revision.statusKey;
  const where = (mediaType: string) => `/responses/${status}/content/${mediaType}`;
  const compare = (from: MediaTypeEntry, to: MediaTypeEntry) => {
    if (from.schemaPointer === null || to.schemaPointer === null) return;
    diffBody(context, { operation, status }, getAtPointer(context.base, from.schemaPointer), getAtPointer(context.revision, to.schemaPointer));
  };
  const added = revision.content.filter((entry) => !base.content.some((b) => b.mediaType === entry.mediaType));
  for (const entry of base.content) {
    const same = revision.content.find((r) => r.mediaType === entry.mediaType);
    if (same) {
      compare(entry, same);
      continue;
    }
    const renamed = added.find((candidate) => renameKind(entry.mediaType, candidate.mediaType) !== null);
    if (!renamed) {
      context.changes.add('response-media-type-removed', { operation, status, where: where(entry.mediaType), value: entry.mediaType });
      continue;
    }
    added.splice(added.indexOf(renamed), 1);
    const id = renameKind(entry.mediaType, renamed.mediaType) === 'specialized' ? 'response-media-type-name-specialized' : 'response-media-type-name-generalized';
    context.changes.add(id, { operation, status, where: where(renamed.mediaType), value: renamed.mediaType });
    compare(entry, renamed);
  }
  for (const entry of added) context.changes.add('response-media-type-added', { operation, status, where: where(entry.mediaType), value: entry.mediaType });
}
