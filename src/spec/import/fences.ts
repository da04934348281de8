import { SpecImportError, pagePosition } from './errors.ts';

/** One OpenAPI document embedded in a page, as Mintlify-style docs render it. */
export interface OpenApiBlock {
  page: string;
  specSource: string;
  method: string;
  path: string;
  content: string;
  /** 1-based page line of the block's first content line, to turn YAML positions into page positions. */
  firstLine: number;
}

export interface FenceScan {
  blocks: OpenApiBlock[];
  /** yaml fences whose info string is not "<source> <method> <path>": ordinary examples, not imported. */
  otherYamlFences: number;
}

// No lazy group before `\s*$`: on a long line of spaces that backtracks quadratically. The info is trimmed below.
const OPENING = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)\s*(.*)$/;
const OPENAPI_INFO = /^(\S+)\s+(get|put|post|delete|options|head|patch|trace)\s+(\/\S*)$/i;

/**
 * Finds the fenced `yaml <source> <method> <path>` blocks of a page. Every fence is walked (not only
 * yaml ones) so that a yaml fence shown inside another code block is not mistaken for a real one.
 */
export function scanFences(page: string, text: string): FenceScan {
  const lines = text.split(/\r?\n/);
  const blocks: OpenApiBlock[] = [];
  let otherYamlFences = 0;
  for (let index = 0; index < lines.length; index++) {
    const opening = OPENING.exec(lines[index] ?? '');
    if (!opening) continue;
    const [, fence = '', language = '', rest = ''] = opening;
    const info = rest.trimEnd();
    const closeIndex = findClosing(lines, index + 1, fence);
    const isYaml = language.toLowerCase() === 'yaml' || language.toLowerCase() === 'yml';
    const openApi = isYaml ? OPENAPI_INFO.exec(info) : null;
    if (isYaml && !openApi) otherYamlFences++;
    if (openApi) {
      if (closeIndex === undefined) {
        throw new SpecImportError(
          'SPEC_IMPORT_UNCLOSED_FENCE',
          `${pagePosition(page, index + 1)}: the OpenAPI block opened here is never closed (expected a line of ${fence.length}+ "${fence[0]}")`,
          { page, line: index + 1 },
        );
      }
      const [, specSource = '', method = '', path = ''] = openApi;
      blocks.push({
        page,
        specSource,
        method: method.toUpperCase(),
        path,
        content: lines.slice(index + 1, closeIndex).join('\n'),
        firstLine: index + 2,
      });
    }
    // An unclosed non-OpenAPI fence runs to the end of the page, as in CommonMark.
    index = closeIndex ?? lines.length;
  }
  return { blocks, otherYamlFences };
}

function findClosing(lines: string[], from: number, fence: string): number | undefined {
  const closing = new RegExp(`^ {0,3}\\${fence[0]}{${fence.length},}\\s*$`);
  for (let index = from; index < lines.length; index++) {
    if (closing.test(lines[index] ?? '')) return index;
  }
  return undefined;
}
