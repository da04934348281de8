import { Document, Scalar, visit } from 'yaml';
import type { JsonObject } from './types.ts';

const HEADER = [
  ' Imported by `conform specs import` from vendor documentation pages; see x-provenance.',
  ' Regenerate it rather than editing by hand: specs/ must show what the vendor published.',
].join('\n');

// YAML 1.1 readers turn plain 2026-11-22 or 2026-02-25T21:06:37Z into dates; quoted, every reader sees a string.
const TIMESTAMP_LIKE = /^\d{4}-\d\d?-\d\d?(?:[Tt ]|$)/;

/** Stable text for a stable document: source key order, no folding (lineWidth 0), no anchors; `header` is the comment it opens with. */
export function specYaml(document: JsonObject, header: string = HEADER): string {
  const yaml = new Document(document, { aliasDuplicateObjects: false });
  yaml.commentBefore = header;
  visit(yaml, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && TIMESTAMP_LIKE.test(node.value)) node.type = Scalar.QUOTE_SINGLE;
    },
  });
  return yaml.toString({ lineWidth: 0, singleQuote: true });
}
