import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { SpecLoadError } from './errors.ts';

/**
 * How deep a document may nest (objects and arrays within each other). Real OpenAPI documents stay
 * under 30; the YAML parser itself gives up near 700, and every later stage walks documents recursively.
 */
export const MAX_DEPTH = 256;

/**
 * How many values a document may hold once its YAML aliases are expanded. Aliases are kept as shared
 * objects, but every stage after loading (lint, ajv, reports) walks the expanded tree: "billion laughs"
 * is a few hundred bytes of text and a billion values. A plain document at the size cap holds fewer.
 */
export const MAX_EXPANDED_VALUES = 2_000_000;

/**
 * How many values a document's aliases may repeat. Kept shared here, a repeated schema is still
 * compiled once per place by ajv, which inlines it: 870 bytes of anchors four-wide and eight deep cost
 * ajv 81 s and 6 GB. Documents that use anchors at all repeat a few thousand values.
 */
export const MAX_ALIASED_VALUES = 50_000;

type Json = Record<string, unknown>;
interface Built {
  value: unknown;
  /** Values in the expanded tree, this one included. */
  size: number;
  /** Levels of objects/arrays below and including this one (0 for a scalar). */
  height: number;
}
interface Frame {
  node: YAMLMap | YAMLSeq;
  out: Json | unknown[];
  next: number;
  size: number;
  height: number;
  /** The map key the frame's value goes under, once its pair's key is read. */
  pendingKey?: string;
}

/**
 * The plain JSON value of a parsed YAML document, built without recursion. Aliases become shared
 * objects (never copies), and the expanded size and depth are counted as it goes, memoised per anchor,
 * so the cost is linear in the text: a document over MAX_EXPANDED_VALUES or MAX_DEPTH is a located
 * SpecLoadError before anything walks it. This replaces yaml's own toJS, whose alias accounting visits
 * the whole document once per alias and recurses once per level.
 */
export function toPlain(file: string, document: Document, lines: LineCounter): unknown {
  const anchors = new Map<string, Built | 'open'>();
  const stack: Frame[] = [];
  let total = 0;
  let aliased = 0;
  const at = (node: Node | null | undefined) => {
    const position = node?.range ? lines.linePos(node.range[0]) : undefined;
    return { file, line: position?.line, column: position?.col };
  };
  const count = (node: Node, built: Built) => {
    if (stack.length + built.height > MAX_DEPTH) throw new SpecLoadError('SPEC_TOO_DEEP', at(node), `the document nests deeper than ${MAX_DEPTH} levels, more than conform reads`);
    total += built.size;
    if (total > MAX_EXPANDED_VALUES) {
      throw new SpecLoadError('SPEC_TOO_LARGE', at(node), `the document holds more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values, more than conform reads`);
    }
  };

  /** A scalar or alias as a finished value; a collection is opened as a frame and finished later (null). */
  const start = (node: Node | null): Built | null => {
    if (node === null || node === undefined) return { value: null, size: 1, height: 0 };
    if (isAlias(node)) {
      const anchored = anchors.get(node.source);
      if (anchored === undefined) throw new SpecLoadError('SPEC_SYNTAX', at(node), `invalid YAML/JSON: alias *${node.source} has no anchor before it`);
      if (anchored === 'open') throw new SpecLoadError('SPEC_TOO_LARGE', at(node), `alias *${node.source} is inside its own anchor: the document would be infinite`);
      count(node, anchored);
      aliased += anchored.size;
      if (aliased > MAX_ALIASED_VALUES) {
        throw new SpecLoadError('SPEC_TOO_LARGE', at(node), `aliases repeat more than ${MAX_ALIASED_VALUES.toLocaleString('en')} values, more than conform compiles (use $ref to share a schema)`);
      }
      return anchored;
    }
    if (isMap(node) || isSeq(node)) {
      count(node, { value: null, size: 1, height: 1 });
      if (node.anchor) anchors.set(node.anchor, 'open');
      stack.push({ node, out: isMap(node) ? {} : [], next: 0, size: 1, height: 1 });
      return null;
    }
    const built = { value: isScalar(node) ? node.value : null, size: 1, height: 0 };
    count(node, built);
    if (node.anchor) anchors.set(node.anchor, built);
    return built;
  };

  const keyOf = (key: unknown): string => {
    const built = isMap(key) || isSeq(key) ? null : start(key as Node | null);
    if (built === null || (built.value !== null && typeof built.value === 'object')) {
      throw new SpecLoadError('SPEC_NOT_OPENAPI', at(key as Node), 'a mapping key that is not a plain value (OpenAPI documents are JSON)');
    }
    return built.value === null ? '' : String(built.value);
  };

  let result = start(document.contents as Node | null);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    let child: Built | null = null;
    if (frame.next < frame.node.items.length) {
      const item = frame.node.items[frame.next++];
      if (isMap(frame.node)) {
        const pair = item as Pair;
        frame.pendingKey = keyOf(pair.key);
        child = start(pair.value as Node | null);
      } else child = start(item as Node | null);
      if (child === null) continue; // a collection: its frame is now on top
    } else {
      stack.pop();
      child = { value: frame.out, size: frame.size, height: frame.height };
      if (frame.node.anchor) anchors.set(frame.node.anchor, child);
      const parent = stack[stack.length - 1];
      if (!parent) {
        result = child;
        break;
      }
      deliver(parent, child);
      continue;
    }
    deliver(frame, child);
  }
  return result?.value ?? null;
}

function deliver(frame: Frame, child: Built): void {
  frame.size += child.size;
  frame.height = Math.max(frame.height, child.height + 1);
  if (Array.isArray(frame.out)) frame.out.push(child.value);
  else if (frame.pendingKey === '__proto__') Object.defineProperty(frame.out, '__proto__', { value: child.value, writable: true, enumerable: true, configurable: true });
  else frame.out[frame.pendingKey!] = child.value;
}
