import { createHash, timingSafeEqual } from 'node:crypto';

/** `hex(SHA256(nonce + body + secret))`, over the body's bytes exactly as they were sent. */
export function requestHash(nonce: string, body: Buffer | string, secret: string): string {
  return createHash('sha256').update(nonce).update(body).update(secret).digest('hex');
}

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/**
 * Whether `presented` (hex, any case) is the hash of this nonce and body under one of `secrets`.
 * Every secret is tried, and each comparison takes the same time whatever the bytes, so that the
 * answer's timing tells nothing about how close a guess was, nor which secret matched.
 */
export function hashMatches(
  presented: string,
  nonce: string,
  body: Buffer | string,
  secrets: readonly string[],
): boolean {
  if (!HEX_SHA256.test(presented)) return false;
  const given = Buffer.from(presented, 'hex');
  let matched = false;
  for (const secret of secrets) {
    const expected = Buffer.from(requestHash(nonce, body, secret), 'hex');
    matched = timingSafeEqual(given, expected) || matched;
  }
  return matched;
}
