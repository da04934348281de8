import { NO_FACTS, type CheckFacts, type ResponseCheck } from '../check.ts';
import { applicableBody, applicableRules } from './applicable.ts';
import { bindPattern } from './pattern.ts';
import { perRules, placesOf, type Place } from './places.ts';
import type { RuleBody } from './rule-body.ts';

/**
 * cross-response-mismatch, for the request and its answer: an id that should echo the requested
 * path parameter but does not. Only with a request (no path parameters for `conform check`), and
 * only where the body answers (a missing id is the schema's business).
 */
export const idEcho: ResponseCheck = {
  ids: ['cross-response-mismatch'],
  check: (context) => {
    const { params } = context.semantic;
    if (params === null) return NO_FACTS;
    const rules = applicableRules(context);
    if (!rules || rules.echoes.length === 0) return NO_FACTS;
    const body = applicableBody(context)!;
    let facts: CheckFacts[] | undefined;
    for (const { parameter, at } of plansOf(rules)) {
      const sent = params[parameter];
      // The common answer, the id asked for at a place without `*`, is seen without a visit.
      if (sent === undefined || (at.slot >= 0 && body.at(at.slot) === sent)) continue;
      facts = mismatches(body, at, parameter, sent, facts);
    }
    return facts ?? NO_FACTS;
  },
};

/**
 * `facts` with those of the places `at` reaches holding an id other than the one sent (null is the
 * schema's business). Apart from the check: a closure there would cost its variables' allocation on
 * every response, visited or not.
 */
function mismatches(body: RuleBody, at: Place, parameter: string, sent: string, facts: CheckFacts[] | undefined): CheckFacts[] | undefined {
  body.visit(at, (value, bindings) => {
    if (value === null || value === sent) return;
    const answered = typeof value === 'string' ? value : JSON.stringify(value);
    if (answered !== sent) (facts ??= []).push({ id: 'cross-response-mismatch', pointer: bindPattern(at.pattern, bindings)!, expected: `${sent} (path parameter ${parameter})`, observed: answered });
  });
  return facts;
}

/** The echo rules with their places: per operation, not per response. */
const plansOf = perRules((rules): Array<{ parameter: string; at: Place }> => {
  const places = placesOf(rules);
  return rules.echoes.map(({ parameter, at }) => ({ parameter, at: places.place(at) }));
});
