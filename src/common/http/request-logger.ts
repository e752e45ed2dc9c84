import type { FastifyRequest } from 'fastify';
import type { Logger as Pino } from 'pino';

const ROOT_LOGGER = Symbol('rootLogger');
const REQUEST_LOGGER = Symbol('requestLogger');

type LoggedRequest = FastifyRequest & { [ROOT_LOGGER]?: Pino; [REQUEST_LOGGER]?: Pino };

/** Gives the request the application's root logger (observability/logging.ts, first hook). */
export function attachRootLogger(request: FastifyRequest, root: Pino): void {
  (request as LoggedRequest)[ROOT_LOGGER] = root;
}

/**
 * The request's own logger (it carries the `reqId`), once its first hook has run. Made when first
 * asked for: most requests write no line but the last one, and at `warn` not even that.
 */
export function requestLoggerOf(request: FastifyRequest): Pino | undefined {
  const logged = request as LoggedRequest;
  return (logged[REQUEST_LOGGER] ??= logged[ROOT_LOGGER]?.child({ reqId: request.id }));
}
