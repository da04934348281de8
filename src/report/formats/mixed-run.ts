/**
 * "mixed run: live: whop; embedded sandbox: midaz, xendit" when some vendors ran live and others
 * against their embedded sandboxes, else null: a green mixed run did not test every vendor for real.
 */
export function mixedRunNote(vendors: ReadonlyArray<{ vendor: string; mode: 'live' | 'sandbox' }>): string | null {
  const named = (mode: 'live' | 'sandbox') => vendors.filter((v) => v.mode === mode).map((v) => v.vendor);
  const live = named('live');
  const sandbox = named('sandbox');
  if (live.length === 0 || sandbox.length === 0) return null;
  return `mixed run: live: ${live.join(', ')}; embedded sandbox: ${sandbox.join(', ')}`;
}
