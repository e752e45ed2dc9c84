import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a core session token carries: the user and the session, and when it was made. */
export interface SessionClaims {
  uid: number;
  ssid: string;
  /** Milliseconds since the epoch. */
  ts: number;
}

export type TokenReading =
  { ok: true; claims: SessionClaims } | { ok: false; reason: 'malformed' | 'forged' };

/** The HMAC-SHA256 (hex) of `ts.dt`: the token's `sg`. */
const signatureOf = (secret: string, ts: number, dt: string) =>
  createHmac('sha256', secret).update(`${ts}.${dt}`).digest('hex');

const base64Json = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64');

/**
 * The seed's token: base64 of `{"ts":<ms>,"dt":base64({"uid":N,"ssid":"<uuid>"}),"sg":"<hex>"}`,
 * where `sg` signs `ts` and `dt` with SESSION_SECRET.
 */
export function encodeSessionToken(claims: SessionClaims, secret: string): string {
  const dt = base64Json({ uid: claims.uid, ssid: claims.ssid });
  return base64Json({ ts: claims.ts, dt, sg: signatureOf(secret, claims.ts, dt) });
}

/**
 * Reads a token: `malformed` when it is not the seed's shape, `forged` when its signature does
 * not hold for any of the secrets (the current one first, then those being retired).
 */
export function readSessionToken(token: string, secrets: readonly string[]): TokenReading {
  const outer = jsonOf(token);
  if (
    !outer ||
    !Number.isSafeInteger(outer.ts) ||
    typeof outer.dt !== 'string' ||
    typeof outer.sg !== 'string' ||
    !/^[0-9a-f]{64}$/.test(outer.sg)
  ) {
    return { ok: false, reason: 'malformed' };
  }
  const inner = jsonOf(outer.dt);
  if (!inner || !Number.isSafeInteger(inner.uid) || typeof inner.ssid !== 'string') {
    return { ok: false, reason: 'malformed' };
  }
  const given = Buffer.from(outer.sg, 'hex');
  const signed = secrets.some((secret) =>
    timingSafeEqual(
      given,
      Buffer.from(signatureOf(secret, outer.ts as number, outer.dt as string), 'hex'),
    ),
  );
  if (!signed) return { ok: false, reason: 'forged' };
  return {
    ok: true,
    claims: { uid: inner.uid as number, ssid: inner.ssid, ts: outer.ts as number },
  };
}

function jsonOf(base64: string): Record<string, unknown> | null {
  if (base64.length > 2000 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * The token in a `Cookie` header: `JSESSIONID=<token>` among other cookies, or the bare token as
 * the seed's examples send it. Null when there is none.
 */
export function tokenOfCookie(header: string | undefined): string | null {
  if (!header) return null;
  const parts = header.split(';').map((part) => part.trim());
  const named = parts.find((part) => part.startsWith('JSESSIONID='));
  if (named) return named.slice('JSESSIONID='.length) || null;
  return parts.find((part) => /^[A-Za-z0-9+/]{16,}={0,2}$/.test(part)) ?? null;
}
