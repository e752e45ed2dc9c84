import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const REQUEST_ID = Symbol('requestId');
const ACCEPTABLE_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

/**
 * The id of a request: the caller's `X-Request-Id` when it is sane, a UUID otherwise. Memoised on
 * the raw request so that Fastify and the HTTP logger agree on it.
 */
export function requestIdOf(raw: IncomingMessage): string {
  const memo = raw as IncomingMessage & { [REQUEST_ID]?: string };
  if (memo[REQUEST_ID]) return memo[REQUEST_ID];
  const given = raw.headers['x-request-id'];
  const id = typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
  memo[REQUEST_ID] = id;
  return id;
}
