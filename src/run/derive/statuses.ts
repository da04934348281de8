import type { Operation } from '../../spec/index.ts';
import type { ExpectedStatus } from '../../results/index.ts';

/**
 * The status a derived case expects, from what the operation documents: the first documented code
 * among `preferred`, else the lowest documented code of the class, else the class itself when the
 * document says only `2XX`/`4XX` or `default` (whose body schema the response checks still hold it
 * to). Null when the document promises nothing of the class: the case is not derived.
 */
export function expectedStatus(operation: Operation, statusClass: '2XX' | '4XX', preferred: readonly number[]): ExpectedStatus | null {
  const keys = operation.responses.map((response) => response.statusKey.toUpperCase());
  const codes = keys.filter((key) => /^\d{3}$/.test(key)).map(Number);
  const chosen = preferred.find((code) => codes.includes(code));
  if (chosen !== undefined) return chosen;
  if (statusClass === '2XX') {
    const success = codes.filter((code) => code >= 200 && code < 300).sort((a, b) => a - b)[0];
    if (success !== undefined) return success;
  }
  return keys.includes(statusClass) || keys.includes('DEFAULT') ? statusClass : null;
}
