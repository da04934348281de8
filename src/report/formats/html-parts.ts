import type { Severity } from '../../findings/index.ts';
import { html, type Html } from './html-template.ts';

/**
 * Reports cut values at 80 characters (DISPLAY_LIMIT); past this many a value would make its column the
 * widest of the table, so it shows its start and opens to the rest.
 */
export const VALUE_SHOWN = 48;

/** The run's page that joins the vendor pages. */
export const SUMMARY_PAGE = 'summary.html';

/** A vendor's page, as a relative link: encoded, so even a name with a colon cannot read as a URL scheme. */
export function pageOf(vendor: string): string {
  return `${encodeURIComponent(vendor)}.html`;
}

/** A path or pointer that may wrap after each "/", never inside a name (the stylesheet forbids breaks elsewhere). */
export function breakable(path: string): Html[] {
  return path.split('/').map((segment, i) => (i === 0 ? html`${segment}` : html`/<wbr>${segment}`));
}

/** A JSON pointer or operation as code that wraps only at "/". */
export function pathCode(path: string | null, kind: 'pointer' | 'operation'): Html {
  return path === null ? html`<span class="empty">—</span>` : html`<code class="${kind}">${breakable(path)}</code>`;
}

/** A value as code; a long one (an observed body excerpt) collapsed to its start, one click from the rest. */
export function value(text: string | null): Html {
  if (text === null) return html`<span class="empty">—</span>`;
  const characters = [...text];
  if (characters.length <= VALUE_SHOWN) return html`<code>${text}</code>`;
  return html`<details class="long"><summary><code>${characters.slice(0, VALUE_SHOWN).join('')}…</code></summary><code>${text}</code></details>`;
}

export function severity(f: { severity: Severity }): Html {
  return html`<span class="severity severity-${f.severity}">${f.severity}</span>`;
}
