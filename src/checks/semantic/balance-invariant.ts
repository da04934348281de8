import { MAX_FINDINGS_PER_RESPONSE } from '../cap.ts';
import { NO_FACTS, type CheckFacts, type ResponseCheck } from '../check.ts';
import { applicableBody, applicableRules } from './applicable.ts';
import { decimalText } from './decimal.ts';
import { compile, concretePointer, evaluate, forEachBinding, segmentsOf, wildcardsOf, type Binding, type CompiledExpression, type RuleValue } from './evaluate.ts';
import { pointersOf } from './expression.ts';
import { compilePattern, valueAtSegments } from './pattern.ts';
import { perRules, placesOf, type Place, type Places } from './places.ts';
import type { RuleBody } from './rule-body.ts';
import type { InvariantRule, PresenceRule } from './rules.ts';

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
    const broken = new Broken(applicableBody(context)!);
    for (const plan of plansOf(rules)) broken.check(plan);
    return broken.listed();
  },
};

/** How a rule is evaluated: its pattern with the most `*` sets its bindings (one empty binding when none has any). */
interface Plan {
  rule: Rule;
  expand: readonly string[];
  wildcards: number;
  when: CompiledExpression | null;
  /** An invariant's check; null for a presence rule. */
  check: CompiledExpression | null;
  /** A presence rule's figure; null for an invariant. */
  at: Place | null;
  /** Whether a presence rule wants its figure present. */
  present: boolean;
}

type Rule = InvariantRule | PresenceRule;

const plansOf = perRules((rules): Plan[] => {
  const places = placesOf(rules);
  return [...rules.invariants, ...rules.presence].map((rule) => planOf(rule, places));
});

function planOf(rule: Rule, places: Places): Plan {
  const plan: Plan = {
    rule,
    expand: [],
    wildcards: 0,
    when: rule.when && compile(rule.when, places),
    check: 'check' in rule ? compile(rule.check, places) : null,
    at: 'at' in rule ? places.place(rule.at) : null,
    present: 'presence' in rule && rule.presence === 'present',
  };
  for (const pointer of pointersOfRule(rule)) {
    const segments = segmentsOf(pointer);
    const wildcards = wildcardsOf(segments);
    if (wildcards > plan.wildcards) Object.assign(plan, { expand: segments, wildcards });
  }
  return plan;
}

/** Every pointer pattern a rule reads, its figure first. */
function pointersOfRule(rule: Rule): string[] {
  const when = rule.when ? pointersOf(rule.when) : [];
  return 'check' in rule ? [...pointersOf(rule.check), ...when] : [rule.at, ...when];
}

/** The facts of the rules a body breaks: no fact, pointer or text is built while every rule holds. */
class Broken {
  private facts: CheckFacts[] | null = null;
  private unlisted = 0;

  constructor(private readonly body: RuleBody) {}

  check(plan: Plan): void {
    if (plan.wildcards === 0) this.checkBinding(plan, ALWAYS);
    else forEachBinding(plan.expand, this.body.value, (binding) => this.checkBinding(plan, binding));
  }

  private checkBinding(plan: Plan, binding: Binding): void {
    if (plan.when !== null && plan.when(this.body, binding) !== true) return;
    if (plan.check !== null) {
      if (plan.check(this.body, binding) === false) this.report(() => this.invariantFact(plan.rule as InvariantRule, binding));
      return;
    }
    const at = plan.at!;
    const figure = this.body.valueAt(at, binding);
    if ((figure !== undefined && figure !== null) !== plan.present) {
      const rule = plan.rule as PresenceRule;
      this.report(() => ({ id: 'balance-invariant-violated', pointer: concretePointer(at.pattern.segments, binding), expected: `${rule.presence} (${rule.text})`, observed: this.body.sent(at.pattern, binding) }));
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
    const figure = compilePattern(check.kind === 'compare' && check.left.kind === 'pointer' ? check.left.pointer : (pointersOf(check)[0] ?? ''));
    let expected = 'true';
    if (check.kind === 'compare') {
      const quoted = typeof valueAtSegments(this.body.value, figure.segments, binding) === 'string';
      const right = textOf(evaluate(check.right, this.body, binding), quoted);
      expected = check.operator === '==' ? right : `${check.operator} ${right}`;
    }
    return { id: 'balance-invariant-violated', pointer: concretePointer(figure.segments, binding), expected: `${expected} (${rule.text})`, observed: this.body.sent(figure, binding) };
  }
}

const ALWAYS: Binding = Object.freeze([]);

function textOf(value: RuleValue, quoted: boolean): string {
  if (value === null || typeof value === 'boolean') return String(value);
  return quoted ? `"${decimalText(value)}"` : decimalText(value);
}
