import { createHash, randomBytes } from 'node:crypto';

/** Every key starts with this, so that a leaked key is easy to recognise (e.g. by secret scanners). */
export const API_KEY_START = 'bmk_';
const VISIBLE_PREFIX_LENGTH = 12;
const MAX_KEY_LENGTH = 128;

export interface NewApiKey {
  /** The clear key: given to the customer once, never stored. */
  key: string;
  prefix: string;
  hash: string;
}

/** 256 random bits, base64url: `bmk_` + 43 characters. */
export function generateApiKey(): NewApiKey {
  const key = API_KEY_START + randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, VISIBLE_PREFIX_LENGTH), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Cheap screening before any hashing or database work. */
export function isPlausibleApiKey(value: string): boolean {
  return value.length > 0 && value.length <= MAX_KEY_LENGTH;
}
