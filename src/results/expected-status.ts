/**
 * The status a case expects: one code, or any code of a class where the document only says `2XX`,
 * `4XX` or `default` (a derived case cannot name a code the vendor never documented).
 */
export type ExpectedStatus = number | '2XX' | '4XX';

export function statusMeets(expected: ExpectedStatus, actual: number): boolean {
  return typeof expected === 'number' ? expected === actual : Math.floor(actual / 100) === Number(expected[0]);
}
