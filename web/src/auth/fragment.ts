/**
 * tokenFromFragment reads the token of a mailed link, which travels in the URL fragment
 * (`/reset-password#token=...`) so that it reaches no server log and no Referer. An absent or
 * empty token, or one with characters that base64url never has, is null.
 */
export function tokenFromFragment(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const token = new URLSearchParams(fragment).get('token')?.trim() ?? '';
  if (token === '' || !/^[A-Za-z0-9_-]+={0,2}$/.test(token)) return null;
  return token;
}
