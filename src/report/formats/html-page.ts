import { HTML_STYLE } from './html-style.ts';
import { html, type Html } from './html-template.ts';

/** A self-contained page (inline CSS, no script, nothing fetched; its Content-Security-Policy forbids both). */
export function htmlPage(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<div class="page">
${body}
</div>
</body>
</html>
`.markup;
}
