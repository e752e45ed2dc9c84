import type { FastifyRequest } from 'fastify';

/**
 * Reads `Content-Type: application/json` with an empty body as no body at all, as callers of
 * seed 003 send their body-less POSTs (the front end's `get-locations`, a terminal's
 * `ssbt-deposit/reject`), and client libraries every call. Called in `onRequest`, before Fastify
 * parses the body: by the schemes of those callers, and for the routes tagged `Bodyless`. A body
 * that is there and is not JSON is still refused.
 */
export function readEmptyBodyAsNone(request: FastifyRequest): void {
  const length = request.headers['content-length'];
  const empty = length === '0' || (length === undefined && !request.headers['transfer-encoding']);
  if (empty) delete request.headers['content-type'];
}
