/** The file name a page is reported by; provenance must not depend on where the pages were checked out. */
export function pageName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const FRONT_MATTER_URL = /^(?:url|canonical):\s*['"]?(https?:\/\/[^\s'"]+)/m;
const DOCS_INDEX_URL = /documentation index at:\s*(https?:\/\/\S+?)[.,;)]?(?:\s|$)/i;

/** The page's own URL if its front matter states one, else the documentation index URL it names. */
export function pageUrl(text: string): string | null {
  const frontMatter = FRONT_MATTER.exec(text)?.[1];
  const stated = frontMatter === undefined ? undefined : FRONT_MATTER_URL.exec(frontMatter)?.[1];
  return stated ?? DOCS_INDEX_URL.exec(text)?.[1] ?? null;
}
