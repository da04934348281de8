import type { Operation } from '../../spec/index.ts';
import type { CheckContext } from '../context.ts';
import { placesOf } from './places.ts';
import { recognisedRules } from './recognise.ts';
import { RuleBody } from './rule-body.ts';
import type { OperationRules } from './rules.ts';

// Merged once per operation and set of declared rules: responses of one operation share them.
const merged = new WeakMap<OperationRules, WeakMap<Operation, OperationRules>>();

/**
 * The rules a response is held to, for a success body that parsed: the operation's declared rules,
 * and the rules of the shapes recognised in its document (recognise.ts) where no declared rule
 * covers the same pointer (a vendor file knows its API better than a guess from names).
 */
export function applicableRules(context: CheckContext): OperationRules | null {
  answer(context);
  return lastRules;
}

/** The body as the applicable rules read it, shared by every money check of the response; null when no rule applies. */
export function applicableBody(context: CheckContext): RuleBody | null {
  answer(context);
  if (lastBody === undefined) lastBody = lastRules === null ? null : new RuleBody(context.json as { value: unknown; text: string }, placesOf(lastRules));
  return lastBody;
}

// Every money check of a response asks in turn: the last response's answer is kept, in plain variables
// (an object to hold it would be one more allocation per response). lastBody: undefined until made.
let lastContext: CheckContext | undefined;
let lastRules: OperationRules | null = null;
let lastBody: RuleBody | null | undefined;

function answer(context: CheckContext): void {
  if (lastContext === context) return;
  lastRules = lookUp(context);
  lastBody = undefined;
  lastContext = context;
}

function lookUp(context: CheckContext): OperationRules | null {
  if (!context.json?.ok || context.response.status < 200 || context.response.status > 299) return null;
  const { declared } = context.semantic;
  // Responses come one operation after another: the last pair's rules are kept.
  if (lastMerged?.declared === declared && lastMerged.operation === context.operation) return lastMerged.rules;
  let byOperation = merged.get(declared);
  if (!byOperation) merged.set(declared, (byOperation = new WeakMap()));
  let rules = byOperation.get(context.operation);
  if (!rules) byOperation.set(context.operation, (rules = merge(declared, recognisedRules(context.spec, context.operation))));
  lastMerged = { declared, operation: context.operation, rules };
  return rules;
}

let lastMerged: { declared: OperationRules; operation: Operation; rules: OperationRules } | undefined;

function merge(declared: OperationRules, recognised: OperationRules): OperationRules {
  const uncovered = <Rule>(mine: Rule[], theirs: Rule[], key: (rule: Rule) => string): Rule[] => {
    const covered = new Set(mine.map(key));
    return [...mine, ...theirs.filter((rule) => !covered.has(key(rule)))];
  };
  return {
    amounts: uncovered(declared.amounts, recognised.amounts, (r) => r.at),
    invariants: uncovered(declared.invariants, recognised.invariants, (r) => r.text),
    presence: declared.presence,
    echoes: uncovered(declared.echoes, recognised.echoes, (r) => r.at),
    timestamps: uncovered(declared.timestamps, recognised.timestamps, (r) => r.created),
  };
}
