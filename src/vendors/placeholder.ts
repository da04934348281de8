import { optional } from './env.ts';
import type { Env } from './types.ts';

/**
 * A value of a vendor file: a literal, `${VAR}` (required) or `${VAR:-default}` (the default when VAR
 * is unset or blank; `${VAR:-}` makes it optional). A placeholder is the whole value, so a value never
 * mixes a secret into other text.
 */
export type FileValue = { literal: string } | { variable: string; fallback: string | null };

const PLACEHOLDER = /^\$\{([A-Z][A-Z0-9_]*)(?::-([^}]*))?\}$/;

/** The value, or what is wrong with it. */
export function parseValue(text: string): FileValue | string {
  const match = PLACEHOLDER.exec(text);
  if (match) return { variable: match[1]!, fallback: match[2] ?? null };
  if (text.includes('${')) return `"${text}" is not a placeholder: write \${VAR} or \${VAR:-default} as the whole value`;
  return { literal: text };
}

/** The variable a value is read from, or null for a literal. */
export function variableOf(value: FileValue): string | null {
  return 'variable' in value ? value.variable : null;
}

/** The value in this environment: null when it is optional and not configured; `unset` when it is required and unset. */
export function resolveValue(value: FileValue, env: Env): string | null | typeof UNSET {
  if ('literal' in value) return value.literal;
  const configured = optional(env, value.variable);
  if (configured !== null) return configured;
  if (value.fallback === null) return UNSET;
  return value.fallback === '' ? null : value.fallback;
}

export const UNSET: unique symbol = Symbol('unset');
