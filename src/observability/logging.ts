import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { DestinationStream, Level, Logger as Pino } from 'pino';
import { attachRootLogger, requestLoggerOf } from '../common/http/request-logger';
import type { AppConfig } from '../config/app-config';

export { requestLoggerOf } from '../common/http/request-logger';

const QUIET_PATHS = new Set(['/health', '/metrics']);
/** The request being handled, for the lines written meanwhile by code that has no request. */
const currentRequest = new AsyncLocalStorage<FastifyRequest>();

/**
 * Runs `start` outside any request: what it schedules (a timer, a loop) writes its log lines
 * without the `reqId` of the request that happened to wake it.
 */
export const outsideRequest = <T>(start: () => T): T => currentRequest.exit(start);

/** JSON lines on standard output, written synchronously: in order, and not lost on exit. */
export function createRootLogger(config: AppConfig, stream?: DestinationStream): Pino {
  return pino(
    { level: config.logLevel, timestamp: pino.stdTimeFunctions.isoTime },
    stream ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * One line per request (id, method, URL, route, status, duration; never headers, so never a
 * credential), and every log line written while handling it carries the same `reqId`.
 */
export function installRequestLogging(fastify: FastifyInstance, root: Pino): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    attachRootLogger(request, root);
    done();
  });
  // After body parsing: stream events would not carry an async context entered earlier.
  fastify.addHook('preValidation', (request, _reply, done) => {
    currentRequest.run(request, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?')[0];
    if (!QUIET_PATHS.has(path)) {
      const status = reply.statusCode;
      const outcome = request.answerOutcome;
      // A business refusal answered with HTTP 200 (MaxBridge) is a warning like a 4xx.
      const level: Level =
        status >= 500 ? 'error' : status >= 400 || outcome?.refused ? 'warn' : 'info';
      if (root.isLevelEnabled(level)) {
        (requestLoggerOf(request) ?? root)[level](
          {
            req: { method: request.method, url: request.url, remoteAddress: request.ip },
            route: request.routeOptions.url ?? null,
            res: { statusCode: status },
            ...outcome?.fields,
            responseTime: Math.round(reply.elapsedTime * 100) / 100,
          },
          'request completed',
        );
      }
    }
    done();
  });
}

/**
 * Nest's logger interface over pino. Nest appends the logger's context name as the last
 * argument; an object first argument becomes fields of the line (`{ err, errorId }`).
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    const request = currentRequest.getStore();
    const logger = (request && requestLoggerOf(request)) ?? this.root;
    if (!logger.isLevelEnabled(level)) return;
    const params = [...rest];
    const fields: Record<string, unknown> = {};
    if (params.length > 0 && typeof params[params.length - 1] === 'string')
      fields.context = params.pop();
    let text: string | undefined;
    if (message instanceof Error) {
      fields.err = message;
      text = message.message;
    } else if (message !== null && typeof message === 'object') {
      Object.assign(fields, message);
    } else {
      text = String(message);
    }
    for (const param of params) {
      if (typeof param !== 'string') continue;
      if (text === undefined) text = param;
      else fields.stack = param; // Nest's error(message, stack, context)
    }
    logger[level](fields, text);
  }
}
