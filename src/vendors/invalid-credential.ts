import type { AuthScheme } from '../http/index.ts';

/**
 * A credential the vendor cannot know, in the shape the scheme sends (for the invalid-credentials
 * case): client_id:client_secret for oauth2, user:password for basic when one was given so, a JWT
 * when the credential is one, else an opaque key. Its length follows the given credential's
 * (bounded), since vendors often check it before they look the key up. Nothing of its text is kept.
 */
export function invalidCredentialFor(scheme: AuthScheme, given: string | null): string {
  const opaque = (length: number) => 'conform_invalid_'.padEnd(Math.min(Math.max(length, 24), 128), '0');
  if (scheme.type === 'oauth2-client-credentials') return 'conform-invalid-client:conform_invalid_secret_0000000000';
  if (given === null) return opaque(32);
  if (scheme.type === 'http-basic' && given.includes(':')) return 'conform-invalid:conform_invalid_password_00000000';
  if (given.startsWith('eyJ') && given.split('.').length === 3) return 'eyJhbGciOiJIUzI1NiJ9.conform-invalid.0000';
  return opaque(given.length);
}
