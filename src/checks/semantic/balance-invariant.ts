import { MAX_FINDINGS_PER_RESPONSE } from '../cap.ts';
import { NO_FACTS, type CheckFacts, type ResponseCheck } from '../check.ts';
import type { CheckContext } from '../context.ts';
import { applicableRules } from './applicable.ts';
import { decimalText } from './decimal.ts';
import { compile, concretePointer, evaluate, forEachBinding, RuleBody, segmentsOf, wildcardsOf, type Binding, type CompiledExpression, type RuleValue } from './evaluate.ts';
import { pointersOf } from './expression.ts';
import type { InvariantRule, OperationRules, PresenceRule } from './rules.ts';

/**
 * balance-invariant-violated: an arithmetic rule among the figures of one body does not hold
 * (`/position/available == /available - /overdraftUsed`), or a figure is there where a rule says it
 * must be absent (or the reverse). A rule whose figures are missing or not decimals is skipped:
 * other checks report a missing or malformed figure.
 */
export const balanceInvariant: ResponseCheck = {
  ids: ['balance-invariant-violated'],
  check(context) {
    const rules = applicableRules(context);
    if (rules === null || (rules.invariants.length === 0 && rules.presence.length === 0)) return NO_FACTS;
    const broken = new Broken(new RuleBody(context.json as Extract<CheckContext['json'], { ok: true }>, patternsOf(rules)));
    for (const rule of rules.invariants) broken.check(rule, planOf(rule));
    for (const rule of rules.presence) broken.check(rule, planOf(rule));
    return broken.listed();
  },
};

/** How a rule is evaluated: its pattern with the most `*` sets its bindings (one empty binding when none has any). */
interface Plan {
  expand: readonly string[];
  wildcards: number;
  when: CompiledExpression | null;
  /** An invariant's check; null for a presence rule. */
  check: CompiledExpression | null;
  /** A presence rule's figure; empty for an invariant. */
  at: readonly string[];
}

type Rule = InvariantRule | PresenceRule;

// Rules are plain data that live as long as their target: their plans are worked out once.
const PLANS = new WeakMap<Rule, Plan>();
const PATTERNS = new WeakMap<OperationRules, string[]>();

function planOf(rule: Rule): Plan {
  let plan = PLANS.get(rule);
  if (plan === undefined) {
    plan = { expand: [], wildcards: 0, when: rule.when && compile(rule.when), check: 'check' in rule ? compile(rule.check) : null, at: 'at' in rule ? segmentsOf(rule.at) : [] };
    for (const pointer of pointersOfRule(rule)) {
      const segments = segmentsOf(pointer);
      const wildcards = wildcardsOf(segments);
      if (wildcards > plan.wildcards) Object.assign(plan, { expand: segments, wildcards });
    }
    PLANS.set(rule, plan);
  }
  return plan;
}

/** Every pointer pattern a rule reads, its figure first. */
function pointersOfRule(rule: Rule): string[] {
  const when = rule.when ? pointersOf(rule.when) : [];
  return 'check' in rule ? [...pointersOf(rule.check), ...when] : [rule.at, ...when];
}

/** Every pointer pattern the rules read: where a body's numbers may need their source text. */
function patternsOf(rules: OperationRules): string[] {
  let patterns = PATTERNS.get(rules);
  if (patterns === undefined) {
    PATTERNS.set(rules, (patterns = [...new Set([...rules.invariants, ...rules.presence].flatMap(pointersOfRule))]));
  }
  return patterns;
}

/** The facts of the rules a body breaks: no fact, pointer or text is built while every rule holds. */
class Broken {
  private facts: CheckFacts[] | null = null;
  private unlisted = 0;

  constructor(private readonly body: RuleBody) {}

  check(rule: Rule, plan: Plan): void {
    if (plan.wildcards === 0) this.checkBinding(rule, plan, ALWAYS);
    else forEachBinding(plan.expand, this.body, (binding) => this.checkBinding(rule, plan, binding));
  }

  private checkBinding(rule: Rule, plan: Plan, binding: Binding): void {
    if (plan.when !== null && plan.when(this.body, binding) !== true) return;
    if ('check' in rule) {
      if (plan.check!(this.body, binding) === false) this.report(() => this.invariantFact(rule, binding));
      return;
    }
    const { at } = plan;
    const figure = this.body.figure(at, binding);
    const present = figure !== undefined && figure !== null;
    if (present !== (rule.presence === 'present')) {
      this.report(() => ({ id: 'balance-invariant-violated', pointer: concretePointer(at, binding), expected: `${rule.presence} (${rule.text})`, observed: this.body.sent(at, binding) }));
    }
  }

  /** Past MAX_FINDINGS_PER_RESPONSE broken bindings, the rest are counted (see `listed`), not spelled out. */
  private report(fact: () => CheckFacts): void {
    const facts = (this.facts ??= []);
    if (facts.length < MAX_FINDINGS_PER_RESPONSE) facts.push(fact());
    else this.unlisted++;
  }

  /** The facts reported, the count of those not spelled out carried by the last one. */
  listed(): readonly CheckFacts[] {
    if (this.facts === null) return NO_FACTS;
    if (this.unlisted > 0) this.facts.push({ ...this.facts.pop()!, more: this.unlisted });
    return this.facts;
  }

  /**
   * The figure that breaks a comparison is its left-hand pointer (the first pointer of any other
   * rule): expected is what the right-hand side computes to, in the figure's own encoding.
   */
  private invariantFact(rule: InvariantRule, binding: Binding): CheckFacts {
    const { check } = rule;
    const figure = segmentsOf(check.kind === 'compare' && check.left.kind === 'pointer' ? check.left.pointer : (pointersOf(check)[0] ?? ''));
    let expected = 'true';
    if (check.kind === 'compare') {
      const quoted = typeof this.body.figure(figure, binding) === 'string';
      const right = textOf(evaluate(check.right, this.body, binding), quoted);
      expected = check.operator === '==' ? right : `${check.operator} ${right}`;
    }
    return { id: 'balance-invariant-violated', pointer: concretePointer(figure, binding), expected: `${expected} (${rule.text})`, observed: this.body.sent(figure, binding) };
  }
}

const ALWAYS: Binding = Object.freeze([]);

function textOf(value: RuleValue, quoted: boolean): string {
  if (value === null || typeof value === 'boolean') return String(value);
  return quoted ? `"${decimalText(value)}"` : decimalText(value);
}
