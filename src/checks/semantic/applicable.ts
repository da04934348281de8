import type { CheckContext } from '../context.ts';
import type { OperationRules } from './rules.ts';

/** The rules a response is held to: the operation's declared rules, for a success body that parsed. */
export function applicableRules(context: CheckContext): OperationRules | null {
  if (!context.json?.ok || context.response.status < 200 || context.response.status > 299) return null;
  return context.semantic.declared;
}
