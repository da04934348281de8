import { NO_FACTS, type CheckFacts, type ResponseCheck } from '../check.ts';
import { applicableRules } from './applicable.ts';
import { visitPattern } from './pattern.ts';

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
    if (!rules || rules.echoes.length === 0 || !context.json?.ok) return NO_FACTS;
    let facts: CheckFacts[] | undefined;
    for (const { parameter, at } of rules.echoes) {
      const sent = params[parameter];
      if (sent === undefined) continue;
      visitPattern(context.json.value, at, (pointer, value) => {
        if (value === null || value === undefined || value === sent) return;
        const answered = typeof value === 'string' ? value : JSON.stringify(value);
        if (answered !== sent) (facts ??= []).push({ id: 'cross-response-mismatch', pointer, expected: `${sent} (path parameter ${parameter})`, observed: answered });
      });
    }
    return facts ?? NO_FACTS;
  },
};
