import { crossResponseFacts, type IdentityAnswer, type IdentityRule } from '../checks/index.ts';
import { makeFinding } from '../findings/index.ts';
import { placeholderFor } from '../privacy/index.ts';
import type { CaseResult } from '../results/index.ts';

/**
 * A run's case results (redacted and masked) with each vendor's cross-response findings joined to the
 * cases they are about, before anything judges or stores them: a case that contradicts another fails
 * like any other, and the stored run (results.json) carries the findings for `conform verify` to judge
 * again. The results keep their order.
 */
export function withCrossResponseFindings(results: readonly CaseResult[], identitiesOf: (vendor: string) => readonly IdentityRule[]): CaseResult[] {
  const joined = new Map<CaseResult, CaseResult>();
  for (const vendor of new Set(results.map((result) => result.vendor))) {
    const own = results.filter((result) => result.vendor === vendor);
    for (const [i, result] of vendorFindings(own, identitiesOf(vendor)).entries()) if (result !== own[i]) joined.set(own[i]!, result);
  }
  return results.map((result) => joined.get(result) ?? result);
}

function vendorFindings(results: readonly CaseResult[], identities: readonly IdentityRule[]): readonly CaseResult[] {
  if (identities.length === 0) return results;
  const answers = results.flatMap((result): IdentityAnswer[] => {
    const json = result.derived?.json;
    if (result.outcome !== 'answered' || !result.response || result.response.truncated || !json) return [];
    return [{ case: result.case, operation: result.operation, status: result.response.status, value: json.value, text: result.response.body }];
  });
  const facts = crossResponseFacts({ identities, answers, placeholderFor });
  if (facts.length === 0) return results;
  return results.map((result) => {
    const found = facts.filter((fact) => fact.case === result.case);
    return found.length === 0 ? result : { ...result, findings: [...result.findings, ...found.map(({ case: _, ...fact }) => makeFinding({ ...fact, vendor: result.vendor }))] };
  });
}
