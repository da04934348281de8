import { escapeMarkup } from './markup-escape.ts';

/** Markup that is already safe: made by `html` (or a constant of ours); every plain string gets escaped. */
export interface Html {
  readonly markup: string;
}

type Part = string | number | Html | readonly Html[] | null | undefined | false;

/**
 * A tagged template in which every interpolated string is escaped unless it is itself `html` output:
 * escaping is the default, so a report string can reach the page only as text. null, undefined and
 * false render nothing (for optional parts).
 */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let markup = strings[0]!;
  parts.forEach((part, i) => {
    markup += render(part) + strings[i + 1]!;
  });
  return { markup };
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (typeof part === 'string') return escapeMarkup(part);
  if (typeof part === 'number') return String(part);
  if ('markup' in part) return part.markup;
  return part.map((p) => p.markup).join('');
}
