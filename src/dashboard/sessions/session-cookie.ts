import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The dashboard's cookie: not MaxBridge's `JSESSIONID` (CONTRACTS.md section 5). */
export const SESSION_COOKIE = 'bm_dashboard';

const mac = (secret: string, purpose: string, token: string) =>
  createHmac('sha256', secret).update(`${purpose}:${token}`).digest('base64url');

const sameText = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** A new session's token (random, 32 bytes) and the cookie value that carries it, signed. */
export function newSessionCookie(secret: string): { token: string; value: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, value: `${token}.${mac(secret, 'session', token)}` };
}

/** The token a cookie value carries, when one of the secrets signed it; else null. */
export function tokenOfCookie(value: string | undefined, secrets: readonly string[]) {
  const [token, signature, extra] = (value ?? '').split('.');
  if (!token || !signature || extra !== undefined || !/^[\w-]{43}$/.test(token)) return null;
  return secrets.some((secret) => sameText(signature, mac(secret, 'session', token)))
    ? token
    : null;
}

/**
 * The session's CSRF token: derived from the session's token with the first secret, so that
 * nothing more is stored; a page reads it from `GET /dashboard/api/session` and sends it back in
 * `X-CSRF-Token` with every change (a cross-site form can do neither).
 */
export const csrfTokenOf = (token: string, secret: string) => mac(secret, 'csrf', token);

export function csrfHolds(given: string | undefined, token: string, secrets: readonly string[]) {
  return !!given && secrets.some((secret) => sameText(given, csrfTokenOf(token, secret)));
}

/** The `Cookie` header's value of `name`, if any. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
