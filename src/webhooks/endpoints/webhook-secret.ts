import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

/** A new signing secret, as Standard Webhooks writes them: `whsec_` + base64 of 32 random bytes. */
export const newSecret = () => PREFIX + randomBytes(32).toString('base64');

/**
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` with the secret's bytes (the base64 after
 * `whsec_`), as a receiver verifies it with any Standard Webhooks library.
 */
export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}
