import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino, { DestinationStream } from 'pino';
import type { AppConfig } from '../config/app-config';
import { requestIdOf } from '../common/http/request-id';

const QUIET_PATHS = new Set(['/health', '/metrics']);

/**
 * One JSON line per request (with its id, route, status, duration) and every application log
 * line of that request carrying the same `reqId`. Credentials never reach the logs: requests are
 * reduced to method, URL and client address.
 */
export function loggingOptions(config: AppConfig, stream?: DestinationStream): Params {
  return {
    pinoHttp: [
      {
        level: config.logLevel,
        genReqId: (req: IncomingMessage) => requestIdOf(req),
        customAttributeKeys: { reqId: 'reqId' },
        autoLogging: {
          ignore: (req: IncomingMessage) => QUIET_PATHS.has((req.url ?? '').split('?')[0]),
        },
        customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
          error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
        serializers: {
          req: (req: { method: string; url: string; remoteAddress?: string }) => ({
            method: req.method,
            url: req.url,
            remoteAddress: req.remoteAddress,
          }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
      },
      // Synchronous: lines keep their order with other output and survive process.exit().
      stream ?? pino.destination({ dest: 1, sync: true }),
    ],
  };
}
