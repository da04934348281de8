import type { LoadedSpec } from './types.ts';

/** The documents' securitySchemes by name, the first (newest) document's declaration winning. */
export function securitySchemesOf(specs: readonly LoadedSpec[]): Map<string, Record<string, unknown>> {
  const schemes = new Map<string, Record<string, unknown>>();
  for (const { document } of specs) {
    const declared = (document.components as { securitySchemes?: Record<string, unknown> } | undefined)?.securitySchemes ?? {};
    for (const [name, value] of Object.entries(declared)) {
      if (!schemes.has(name) && value !== null && typeof value === 'object' && !Array.isArray(value)) schemes.set(name, value as Record<string, unknown>);
    }
  }
  return schemes;
}
