import { isMap, isNode, isSeq, type Document, type LineCounter } from 'yaml';

/** Line numbers of a parsed YAML file, by JSON pointer: where a located error points. */
export class YamlLines {
  constructor(
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  /** The line of the value at `path` (or of its key `key`); the nearest enclosing node's line when it is absent. */
  of(path: readonly (string | number)[], key?: string): number {
    let node: unknown = this.document.contents;
    let line = this.lineOfNode(node) ?? 1;
    for (const segment of [...path, ...(key === undefined ? [] : [key])]) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isNode(item.key) && String((item.key as { value?: unknown }).value) === String(segment));
        if (!pair) break;
        line = this.lineOfNode(segment === key ? pair.key : (pair.value ?? pair.key)) ?? line;
        node = pair.value;
      } else if (isSeq(node)) {
        node = node.items[Number(segment)];
        line = this.lineOfNode(node) ?? line;
      } else break;
    }
    return line;
  }

  /** The path of a JSON pointer, as `of` takes it. */
  static segments(pointer: string): string[] {
    return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  }

  private lineOfNode(node: unknown): number | null {
    return isNode(node) && node.range ? this.lines.linePos(node.range[0]).line : null;
  }
}
