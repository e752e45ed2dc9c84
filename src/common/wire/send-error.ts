import { Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { InternalError, ServiceUnavailableError } from '../errors/app-error';
import { toAppError } from '../errors/to-app-error';
import { requestLoggerOf } from '../http/request-logger';
import type { WireFormat } from './wire-format';

const logger = new Logger('Errors');

/**
 * Answers any exception in the given API's shape; logs the cause of internal errors, and of a
 * database out of reach, with an id.
 */
export function sendError(
  wire: WireFormat,
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const own = wire.renderOwnError?.(exception, request);
  if (own) {
    if (!reply.sent) void reply.status(own.status).send(own.body);
    return;
  }
  const error = toAppError(exception, request);
  let errorId: string | null = null;
  if (error instanceof InternalError || error instanceof ServiceUnavailableError) {
    errorId = `err_${randomBytes(8).toString('hex')}`;
    const fields = { errorId, err: error.cause, method: request.method, url: request.url };
    const message =
      error.kind !== 'unavailable'
        ? `Unhandled error ${errorId}`
        : error.reason === 'busy'
          ? `Database busy (lock conflicts past their retries) ${errorId}`
          : `Database unavailable ${errorId}`;
    // The request's own logger carries its id; before the first hook ran, there is none yet.
    const own = requestLoggerOf(request);
    if (own) own.error({ context: 'Errors', ...fields }, message);
    else logger.error({ reqId: request.id, ...fields }, message);
  }
  if (reply.sent) return;
  if (error.kind === 'unavailable') void reply.header('Retry-After', error.retryAfterSeconds);
  const { status, body } = wire.renderError(error, { request, errorId });
  void reply.status(status).send(body);
}
