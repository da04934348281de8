import { groupFindings, type FindingGroup } from '../groups.ts';
import type { Interaction, ReportedFinding } from '../types.ts';
import { findingsByOperation, plural, shownPointer, utcMinute } from './cases.ts';
import { pathCode, severity, value } from './html-parts.ts';
import { html, type Html } from './html-template.ts';

/** A root-cause group with the id of its row, which case tiles link to. */
export interface AnchoredGroup extends FindingGroup {
  anchor: string;
}

const HEX = /^[0-9a-f]{1,64}$/;

/**
 * The report's groups, by operation and in attention order within it, each with a unique anchor:
 * `finding-FINGERPRINT`, with `-2`, `-3`... when groups share a fingerprint (one pointer, two kinds of
 * observed value). A fingerprint that is not hex (a stored report edited by hand) is replaced by the
 * group's number, so nothing read from a report ever becomes part of an id or a link.
 */
export function anchoredGroups(findings: readonly ReportedFinding[]): AnchoredGroup[] {
  const taken = new Set<string>();
  const groups = findingsByOperation(findings).flatMap((o) => groupFindings(o.findings));
  return groups.map((group, index) => {
    const base = `finding-${HEX.test(group.finding.fingerprint) ? group.finding.fingerprint : index + 1}`;
    let anchor = base;
    for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${n}`;
    taken.add(anchor);
    return { ...group, anchor };
  });
}

/** The groups with an occurrence in this case: what its tile links to. */
export function groupsOfCase(groups: readonly AnchoredGroup[], interaction: Interaction): AnchoredGroup[] {
  return groups.filter((g) => g.cases.includes(interaction.case) && (g.finding.operation === null || g.finding.operation === interaction.operation));
}

/**
 * Links from a case tile to the rows of its findings' groups, each named by its pointer pattern and kind
 * of observed value (one drift often gives several groups of one ID), else by its ID, the link's tooltip.
 */
export function groupLinks(groups: readonly AnchoredGroup[]): Html | null {
  if (groups.length === 0) return null;
  const link = (g: AnchoredGroup) =>
    html`<a href="#${g.anchor}" title="${g.finding.id}">${g.pointerPattern === null ? html`<code>${g.finding.id}</code>` : html`${pathCode(shownPointer(g.pointerPattern), 'pointer')}${g.observedKind === null ? null : html` (${g.observedKind})`}`}</a>`;
  return html`<span class="detail links">${groups.map((g, i) => html`${i > 0 ? ', ' : ''}${link(g)}`)}</span>`;
}

const COLUMNS = 7;

/** The Findings section: per operation, one row per root cause, its occurrences one click away. */
export function findingGroups(groups: readonly AnchoredGroup[]): Html {
  if (groups.length === 0) return html`<p class="empty">No findings: every checked response matched the document.</p>`;
  const byOperation = new Map<string | null, AnchoredGroup[]>();
  for (const group of groups) byOperation.set(group.finding.operation, [...(byOperation.get(group.finding.operation) ?? []), group]);
  return html`${[...byOperation].map(
    ([operation, list]) => html`<h3>${operation === null ? 'Not about one operation' : pathCode(operation, 'operation')} <span class="message">${plural(list.length, 'root cause')}, ${plural(
      list.reduce((n, g) => n + g.occurrences.length, 0),
      'finding',
    )}</span></h3>
<table class="findings"><thead><tr><th scope="col">Severity</th><th scope="col">State</th><th scope="col">Finding</th><th scope="col">Pointer</th><th scope="col">Expected</th><th scope="col">Observed</th><th scope="col">Cases</th></tr></thead>
<tbody>${list.map(groupRows)}</tbody></table>`,
  )}`;
}

function groupRows(group: AnchoredGroup): Html {
  const f = group.finding;
  const many = group.occurrences.length > 1;
  const others = new Set(group.occurrences.map((o) => o.observed)).size - 1;
  return html`<tr class="group ${f.state ?? ''}${many ? ' has-occurrences' : ''}" id="${group.anchor}"><td>${severity(f)}</td><td>${state(f)}${since(f)}</td><td><code>${f.id}</code><span class="message">${f.message}</span><span class="fingerprint">fingerprint <code>${f.fingerprint}</code></span></td><td>${pathCode(
    many ? group.pointerPattern : shownPointer(f.pointer),
    'pointer',
  )}</td><td class="expected">${value(f.expected)}</td><td class="observed">${value(f.observed)}${others > 0 ? html`<span class="message">and ${plural(others, 'other value')}</span>` : null}</td><td><span class="count">${plural(
    group.occurrences.length,
    'occurrence',
  )}</span>${f.status === null ? null : html`<span class="message">HTTP ${f.status}</span>`}<ul class="group-cases">${group.cases.map((c) => html`<li>${c}</li>`)}</ul></td></tr>${many ? occurrences(group) : null}`;
}

function occurrences(group: AnchoredGroup): Html {
  const rows = group.occurrences.map((o) => html`<tr><td>${o.case}</td><td>${pathCode(shownPointer(o.pointer), 'pointer')}</td><td class="observed">${value(o.observed)}</td></tr>`);
  return html`<tr class="occurrences"><td colspan="${COLUMNS}"><details><summary>${plural(group.occurrences.length, 'occurrence')} in ${plural(group.cases.length, 'case')}</summary>
<table class="compact"><thead><tr><th scope="col">Case</th><th scope="col">Pointer</th><th scope="col">Observed</th></tr></thead><tbody>${rows}</tbody></table></details></td></tr>`;
}

function state(f: ReportedFinding): Html {
  if (!f.state) return html`<span class="empty">—</span>`;
  return html`<span class="state state-${f.state}">${f.state}</span>${f.waiver ? html`<span class="waiver">until ${f.waiver.expires}: ${f.waiver.reason}</span>` : null}`;
}

/** Since when the vendor shows this: the first run that saw the fingerprint, and how many runs since. */
function since(f: ReportedFinding): Html | null {
  if (f.firstSeen === undefined) return null;
  const when = utcMinute(f.firstSeen);
  const runs = f.seenRuns === undefined ? null : ` · ${plural(f.seenRuns, 'run')}`;
  return html`<span class="since">since <time datetime="${f.firstSeen}">${when}</time>${runs}</span>`;
}
