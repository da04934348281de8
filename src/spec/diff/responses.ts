import { getAtPointer } from '../../json/index.ts';
import type { MediaTypeEntry, Operation, ResponseEntry } from '../types.ts';
import { renameKind } from './media-types.ts';
import { diffBody, type BodyDiffContext } from './schema-diff.ts';

const isSuccess = (statusKey: string) => /^2(\d\d|XX)$/i.test(statusKey);

/** Success statuses added and removed; for the statuses both document, media types and body schemas. */
export function diffResponses(context: BodyDiffContext, base: Operation, revision: Operation): void {
  const operation = revision.key;
  const after = new Map(revision.responses.map((response) => [response.statusKey, response]));
  const before = new Map(base.responses.map((response) => [response.statusKey, response]));
  for (const [status, response] of before) {
    const next = after.get(status);
    if (next) diffContent(context, operation, response, next);
    else if (isSuccess(status)) context.changes.add('response-success-status-removed', { operation, status, where: `/responses/${status}` });
  }
  for (const status of after.keys()) {
    if (!before.has(status) && isSuccess(status)) context.changes.add('response-success-status-added', { operation, status, where: `/responses/${status}` });
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
