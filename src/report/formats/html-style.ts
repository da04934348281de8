import type { Html } from './html-template.ts';

/** The HTML report's only stylesheet, inlined: the page loads nothing. Light and dark, by the reader's setting. Our own constant, never report data, so it is markup as it stands. */
export const HTML_STYLE: Html = {
  markup: `
:root {
  color-scheme: light dark;
  --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --line: #d1d9e0; --link: #0969da;
  --pass-fg: #1a7f37; --pass-bg: #dafbe1; --fail-fg: #cf222e; --fail-bg: #ffebe9;
  --skip-fg: #59636e; --skip-bg: #eff2f5; --error-fg: #9a6700; --error-bg: #fff8c5;
  --breaking: #cf222e; --warning: #bf8700; --info: #0969da; --new: #8250df; --waived: #1b7c83;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --line: #3d444d; --link: #4493f8;
    --pass-fg: #3fb950; --pass-bg: #12261e; --fail-fg: #f85149; --fail-bg: #2d1517;
    --skip-fg: #9198a1; --skip-bg: #1c2128; --error-fg: #d29922; --error-bg: #272115;
    --breaking: #f85149; --warning: #d29922; --info: #4493f8; --new: #ab7df8; --waived: #39c5cf;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
.page { max-width: 1200px; margin: 0 auto; padding: 16px 24px 48px; }
a { color: var(--link); }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
nav.vendors { display: flex; gap: 16px; padding: 8px 0 16px; border-bottom: 1px solid var(--line); font-size: 14px; }
nav.vendors [aria-current] { font-weight: 600; color: var(--fg); text-decoration: none; }
h1 { display: flex; align-items: center; gap: 12px; margin: 20px 0 8px; font-size: 28px; }
h2 { margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); font-size: 20px; }
h3 { margin: 24px 0 8px; font-size: 16px; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 999px; border: 1px solid currentColor; font-size: 13px; font-weight: 600; white-space: nowrap; }
.verdict-pass { color: var(--pass-fg); background: var(--pass-bg); }
.verdict-fail { color: var(--fail-fg); background: var(--fail-bg); }
.verdict-inconclusive, .verdict-none { color: var(--error-fg); background: var(--error-bg); }
.verdict-none { color: var(--muted); background: var(--panel); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 12px 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.stats { display: flex; flex-wrap: wrap; gap: 8px; margin: 16px 0 0; padding: 0; list-style: none; }
.stats li { min-width: 104px; padding: 8px 12px; border: 1px solid var(--line); border-radius: 8px; background: var(--panel); font-size: 13px; color: var(--muted); }
.stats .n { display: block; font-size: 22px; font-weight: 600; color: var(--fg); }
.stats .passed .n { color: var(--pass-fg); } .stats .failed .n, .stats .breaking .n { color: var(--fail-fg); }
.stats .transport-error .n, .stats .warning .n { color: var(--error-fg); } .stats .info .n { color: var(--info); }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { padding: 8px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { color: var(--muted); font-weight: 600; font-size: 13px; background: var(--panel); }
table.compact { width: auto; }
table.grid th[scope=row] { width: 20%; }
ul.cases { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 8px; margin: 0; padding: 0; list-style: none; }
.case { padding: 8px 10px; border-radius: 8px; border: 1px solid var(--line); border-left-width: 5px; }
.case .name { display: block; font-weight: 600; }
.case .outcome { font-weight: 600; }
.case .detail { display: block; color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
/* Operations and pointers wrap only at the <wbr> after each "/", never inside a property name. */
code.operation, code.pointer { overflow-wrap: normal; word-break: normal; }
.case .links { margin-top: 4px; font-size: 13px; }
.case.passed { border-left-color: var(--pass-fg); background: var(--pass-bg); } .case.passed .outcome { color: var(--pass-fg); }
.case.failed { border-left-color: var(--fail-fg); background: var(--fail-bg); } .case.failed .outcome { color: var(--fail-fg); }
.case.skipped { border-left-color: var(--skip-fg); background: var(--skip-bg); border-left-style: dashed; } .case.skipped .outcome { color: var(--skip-fg); }
.case.unverified { border-left-color: var(--error-fg); background: var(--skip-bg); border-left-style: dotted; } .case.unverified .outcome { color: var(--error-fg); }
.case.transport-error { border-left-color: var(--error-fg); background: var(--error-bg); border-left-style: double; } .case.transport-error .outcome { color: var(--error-fg); }
.severity { font-weight: 600; white-space: nowrap; }
.severity::before { content: ""; display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; background: currentColor; }
.severity-breaking { color: var(--breaking); } .severity-warning { color: var(--warning); } .severity-info { color: var(--info); }
.state { display: inline-block; padding: 0 8px; border-radius: 999px; border: 1px solid currentColor; font-size: 12px; font-weight: 600; }
.state-new { color: var(--new); } .state-known { color: var(--muted); } .state-waived { color: var(--waived); border-style: dashed; }
.waiver { display: block; margin-top: 4px; color: var(--muted); font-size: 12px; }
tr.group.waived td { opacity: 0.8; }
tr.group:target td { background: var(--panel); }
tr.group:target td:first-child { box-shadow: inset 4px 0 var(--link); }
tr.group.has-occurrences td { border-bottom: none; }
tr.occurrences td { padding-top: 0; }
tr.occurrences details { margin-top: 0; }
.since, .fingerprint { display: block; margin-top: 4px; color: var(--muted); font-size: 12px; }
.count { font-weight: 600; }
ul.group-cases { margin: 4px 0 0; padding-left: 18px; font-size: 13px; }
details.long { margin-top: 0; } details.long summary { color: inherit; }
.exit-pass { color: var(--pass-fg); background: var(--pass-bg); } .exit-fail { color: var(--fail-fg); background: var(--fail-bg); }
ul.problems li { color: var(--error-fg); }
.message { display: block; margin-top: 2px; color: var(--muted); font-size: 13px; }
td.expected code { color: var(--pass-fg); } td.observed code { color: var(--fail-fg); }
.empty { color: var(--muted); }
figure.chart { margin: 0; }
figure.chart svg { max-width: 100%; height: auto; }
.axis { stroke: var(--line); } .axis-label { fill: var(--muted); font-size: 11px; } .total { fill: var(--fg); font-size: 11px; font-weight: 600; }
.bar-breaking { fill: var(--breaking); } .bar-warning { fill: var(--warning); } .bar-info { fill: var(--info); }
figcaption { color: var(--muted); font-size: 13px; }
.key { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 8px; border-radius: 2px; }
.key-breaking { background: var(--breaking); } .key-warning { background: var(--warning); } .key-info { background: var(--info); }
details { margin-top: 8px; font-size: 14px; } summary { cursor: pointer; color: var(--link); }
dl.glossary dt { margin-top: 8px; } dl.glossary dd { margin: 0 0 0 16px; color: var(--muted); }
footer { margin-top: 48px; color: var(--muted); font-size: 13px; }
`,
};
